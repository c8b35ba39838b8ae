package org.careflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.careflow.shared.CareClock;
import org.careflow.talk.TalkFacts;
import org.careflow.termreview.TermReviewFacts;
import org.springframework.stereotype.Component;

/**
 * End listener of the business rule tasks on `risk-level`: keeps the assessment (the highest level of
 * the matched rules, and their reasons) in `cf_risk_assessment`, sets the routing variable `riskLevel`,
 * and asks for a support plan (`planRequested`, read by the case's conditional event) when the risk is
 * high or the teacher asked for one (the talk card's box, or a term review with the outcome "support"),
 * unless a plan runs already.
 */
@Component("riskRecord")
public class RiskRecord implements ExecutionListener {

  static final String FINDINGS = "riskFindings";
  static final List<String> LEVELS = List.of("LOW", "MEDIUM", "HIGH");

  private final RiskAssessmentRepository assessments;
  private final SupportPlans plans;
  private final TalkFacts talks;
  private final TermReviewFacts reviews;
  private final CareClock clock;

  private final org.springframework.context.ApplicationEventPublisher events;

  RiskRecord(RiskAssessmentRepository assessments, SupportPlans plans, TalkFacts talks, TermReviewFacts reviews, CareClock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.assessments = assessments;
    this.plans = plans;
    this.talks = talks;
    this.reviews = reviews;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long caseId = org.careflow.shared.BusinessKey.of(execution);
    Object raw = execution.getVariable(FINDINGS);
    execution.removeVariable(FINDINGS);
    String level = "LOW";
    List<String> reasons = new ArrayList<>();
    if (raw instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          Object l = m.get("level");
          Object r = m.get("reason");
          if (l != null && LEVELS.indexOf(l.toString()) > LEVELS.indexOf(level)) {
            level = l.toString();
          }
          if (r != null && !reasons.contains(r.toString())) {
            reasons.add(r.toString());
          }
        }
      }
    }
    boolean afterTalk = !org.careflow.enrolment.ChildCaseProcess.TASK_ASSESS_RISK_AFTER_REVIEW.equals(execution.getCurrentActivityId());
    Object summary = execution.getVariable(RiskInputs.SUMMARY);
    RiskAssessment saved = assessments.save(new RiskAssessment(caseId, level, reasons, afterTalk ? "TALK" : "TERM_REVIEW",
        summary == null ? "" : summary.toString(), clock.now()));
    events.publishEvent(new RiskAssessed(saved.getId(), caseId, level, saved.getAssessedAt()));
    DelegateExecution instance = execution.getProcessInstance();
    instance.setVariable("riskLevel", level);

    String request = null;
    if (teacherAsked(caseId, afterTalk)) {
      request = afterTalk ? "TEACHER_REQUEST" : "TERM_REVIEW";
    } else if ("HIGH".equals(level)) {
      request = "HIGH_RISK";
    }
    if (request != null && !plans.isRunning(caseId)) {
      instance.setVariable("planReason", request);
      instance.setVariable("planRequested", true);
    }
  }

  private boolean teacherAsked(long caseId, boolean afterTalk) {
    return afterTalk ? talks.lastTalkAskedForPlan(caseId) : reviews.latestAskedForSupport(caseId);
  }
}
