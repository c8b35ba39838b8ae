package org.careflow.support;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.careflow.shared.CareClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The support plans of the cases: which one runs, opening, writing, reviews and closing. */
@Service("supportPlans")
public class SupportPlans {

  static final EnumSet<SupportPlan.Status> RUNNING = EnumSet.of(SupportPlan.Status.OPEN, SupportPlan.Status.ACTIVE);

  private final SupportPlanRepository plans;
  private final SupportPlanReviewRepository reviews;
  private final CareClock clock;
  private final RiskAssessmentRepository assessments;
  private final org.springframework.context.ApplicationEventPublisher events;

  SupportPlans(SupportPlanRepository plans, SupportPlanReviewRepository reviews, CareClock clock, RiskAssessmentRepository assessments,
      org.springframework.context.ApplicationEventPublisher events) {
    this.plans = plans;
    this.reviews = reviews;
    this.clock = clock;
    this.assessments = assessments;
    this.events = events;
  }

  /** Every plan as {@link SupportPlanChanged} tells it (for a read model filled afresh), oldest first. */
  @Transactional(readOnly = true)
  public List<SupportPlanChanged> allPlans() {
    return plans.allFacts();
  }

  /** Every risk assessment as {@link RiskAssessed} tells it (for a read model filled afresh), oldest first, one at a time. */
  @Transactional(readOnly = true)
  public void eachAssessment(java.util.function.Consumer<RiskAssessed> each) {
    try (java.util.stream.Stream<RiskAssessed> all = assessments.streamAllFacts()) {
      all.forEach(each);
    }
  }

  /** How many plans and assessments there are: {plans, assessments} (a read model's check that it is complete). */
  @Transactional(readOnly = true)
  public long[] counts() {
    return new long[] {plans.count(), assessments.count()};
  }

  /** Tells the plan's opening or its end. */
  void changed(SupportPlan p) {
    events.publishEvent(new SupportPlanChanged(p.getId(), p.getCaseId(), p.getOpenedAt(), p.getClosedAt()));
  }

  /** Whether the case has a plan open or under review (also read by the BPMN condition that starts one). */
  @Transactional(readOnly = true)
  public boolean isRunning(Object caseId) {
    return running(toLong(caseId)).isPresent();
  }

  /**
   * Whether the case asks for a plan (its {@code planRequested} variable is true) and none runs: the condition
   * of the case's event sub-process that starts one. The engine evaluates it when a case starts, before anyone
   * asked; written as {@code ${planRequested && …}} it made the engine throw and catch an exception for the
   * missing variable at every case start (about 4 % of a roster import's engine time).
   */
  @Transactional(readOnly = true)
  public boolean isRequested(Object execution) {
    return execution instanceof org.camunda.bpm.engine.delegate.VariableScope scope
        && Boolean.TRUE.equals(scope.getVariable("planRequested")) && !isRunning(execution);
  }

  @Transactional(readOnly = true)
  public Optional<SupportPlan> running(long caseId) {
    return plans.findFirstByCaseIdAndStatusInOrderByIdDesc(caseId, RUNNING);
  }

  @Transactional
  SupportPlan open(long caseId, String reason) {
    SupportPlan p = plans.saveAndFlush(new SupportPlan(caseId, reason == null ? "HIGH_RISK" : reason, clock.now()));
    changed(p);
    return p;
  }

  @Transactional
  void endWithCase(long caseId) {
    running(caseId).ifPresent(p -> {
      p.endWithCase(clock.now());
      changed(p);
    });
  }

  @Transactional(readOnly = true)
  List<SupportPlan> plansOf(long caseId) {
    return plans.findByCaseIdOrderByIdDesc(caseId);
  }

  @Transactional(readOnly = true)
  List<SupportPlanReview> reviewsOf(long planId) {
    return reviews.findByPlanIdOrderByIdDesc(planId);
  }

  SupportPlanReviewRepository reviewRepository() {
    return reviews;
  }

  static long toLong(Object id) {
    return org.careflow.shared.BusinessKey.id(id); // the execution (its business key) or, from Java, the id
  }
}
