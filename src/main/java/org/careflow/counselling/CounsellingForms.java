package org.careflow.counselling;

import java.util.Map;
import java.util.Set;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.springframework.stereotype.Component;

/** The referral's task: the counsellor (or, without one, the class teacher or coordinator) records the session it led to. */
@Component
class CounsellingForms implements TaskFormHandler {

  static final String TASK = CounsellingReferralProcess.TASK_REFERRAL;

  private final Counselling counselling;

  CounsellingForms(Counselling counselling) {
    this.counselling = counselling;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(TASK);
  }

  @Override
  public Map<String, Object> prefill(TaskContext task) {
    return Map.of("reason", counselling.referral(task.businessKey()).getReason());
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues v, FieldErrors errors) {
    Counselling.Entry e = new Counselling.Entry(v.date("sessionDate"), v.text("reason"), v.text("whatWasDone"), v.text("followUp"),
        v.text("sharedSummary"));
    if (errors.isEmpty()) {
      counselling.handle(task.businessKey(), task.user(), e);
    }
    return Map.of();
  }
}
