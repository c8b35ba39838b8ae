package org.careflow.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskContext;
import org.careflow.shared.TaskFormHandler;
import org.springframework.stereotype.Component;

/**
 * The user tasks of `support-plan`: the counsellor writes the plan with the class teacher, the class
 * teacher reviews it every two weeks (go on, or ask to close), a supervisor approves closing it or sends
 * it back to further reviews. Completes with the routing flags `closeRecommended` and `closeApproved`.
 */
@Component
class SupportPlanForms implements TaskFormHandler {

  private final SupportPlans plans;
  private final CareClock clock;

  SupportPlanForms(SupportPlans plans, CareClock clock) {
    this.plans = plans;
    this.clock = clock;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(SupportPlanProcess.TASK_WRITE, SupportPlanProcess.TASK_REVIEW, SupportPlanProcess.TASK_APPROVE_CLOSE);
  }

  @Override
  public Map<String, Object> prefill(TaskContext task) {
    SupportPlan p = plans.running(task.caseId()).orElse(null);
    if (p == null) {
      return Map.of();
    }
    Map<String, Object> v = new LinkedHashMap<>();
    switch (task.taskKey()) {
      case SupportPlanProcess.TASK_WRITE -> {
        putIf(v, "problems", p.getProblems());
        putIf(v, "goals", p.getGoals());
        putIf(v, "actions", p.getActions());
        putIf(v, "responsibilities", p.getResponsibilities());
      }
      case SupportPlanProcess.TASK_REVIEW -> v.put("reviewDate", clock.today());
      default -> { }
    }
    return v;
  }

  private static void putIf(Map<String, Object> v, String k, Object value) {
    if (value != null) {
      v.put(k, value);
    }
  }

  @Override
  public Map<String, Object> submit(TaskContext task, FormValues v, FieldErrors errors) {
    SupportPlan p = plans.running(task.caseId()).orElse(null);
    if (p == null) {
      errors.reject(task.taskKey().equals(SupportPlanProcess.TASK_APPROVE_CLOSE) ? "decision" : "progress", "validation.noSupportPlan");
      return Map.of();
    }
    switch (task.taskKey()) {
      case SupportPlanProcess.TASK_WRITE -> {
        for (String k : List.of("problems", "goals", "actions", "responsibilities")) {
          if (v.text(k) == null) {
            errors.reject(k, "validation.required");
          }
        }
        if (errors.isEmpty()) {
          p.write(v.text("problems"), v.text("goals"), v.text("actions"), v.text("responsibilities"), task.user(), clock.now());
        }
        return Map.of();
      }
      case SupportPlanProcess.TASK_REVIEW -> {
        LocalDate date = v.date("reviewDate");
        if (date == null) {
          errors.reject("reviewDate", "validation.required");
        } else if (date.isAfter(clock.today())) {
          errors.reject("reviewDate", "validation.pastDate");
        }
        String rec = v.text("recommendation");
        if (!List.of("continue", "close").contains(rec)) {
          errors.reject("recommendation", "validation.option");
        }
        if (v.text("progress") == null) {
          errors.reject("progress", "validation.required");
        }
        if (!errors.isEmpty()) {
          return Map.of();
        }
        plans.reviewRepository().save(new SupportPlanReview(p.getId(), date, v.text("progress"), rec, v.text("nextSteps"),
            task.user(), clock.now()));
        if (rec.equals("close")) {
          p.closeRequested(clock.now());
        }
        return Map.of(SupportPlanProcess.VAR_CLOSE_RECOMMENDED, rec.equals("close"));
      }
      default -> {
        String decision = v.text("decision");
        if (!List.of("approve", "return").contains(decision)) {
          errors.reject("decision", "validation.option");
        }
        if ("return".equals(decision) && v.text("comment") == null) {
          errors.reject("comment", "validation.returnNeedsComment");
        }
        if (!errors.isEmpty()) {
          return Map.of();
        }
        boolean approved = decision.equals("approve");
        p.closeDecided(approved, v.text("comment"), task.user(), clock.now());
        if (approved) {
          plans.changed(p);
        }
        return Map.of("closeApproved", approved);
      }
    }
  }
}
