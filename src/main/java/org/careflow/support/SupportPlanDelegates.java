package org.careflow.support;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** The service steps of `support-plan`. */
final class SupportPlanDelegates {

  private SupportPlanDelegates() {}

  /**
   * Opens the plan row (status OPEN, with why: high risk, the teacher's request, the term review) and,
   * when the cadence turns weekly, brings the case's waiting timer to the next talk forward to next week.
   */
  @Component("supportPlanOpen")
  static class Open implements JavaDelegate {
    private final SupportPlans plans;
    private final TalkCadence cadence;
    private final ManagementService management;

    Open(SupportPlans plans, TalkCadence cadence, ManagementService management) {
      this.plans = plans;
      this.cadence = cadence;
      this.management = management;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long caseId = org.careflow.shared.BusinessKey.of(execution);
      Object reason = execution.getVariable("planReason");
      plans.open(caseId, reason == null ? null : reason.toString());
      DelegateExecution caller = execution.getSuperExecution();
      if (caller == null || !cadence.weekly(caseId)) {
        return;
      }
      Date next = cadence.nextTalkStart(caseId);
      for (Job j : management.createJobQuery().processInstanceId(caller.getProcessInstanceId()).activityId("nextMonth").timers().list()) {
        if (j.getDuedate() != null && j.getDuedate().after(next)) {
          management.setJobDuedate(j.getId(), next);
        }
      }
    }
  }

  /** End listener of the process: a plan still running when its process ends (the case closed) is ended with it. */
  @Component("supportPlanEnded")
  static class Ended implements ExecutionListener {
    private final SupportPlans plans;

    Ended(SupportPlans plans) {
      this.plans = plans;
    }

    @Override
    public void notify(DelegateExecution execution) {
      plans.endWithCase(org.careflow.shared.BusinessKey.of(execution));
    }
  }
}
