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

  SupportPlans(SupportPlanRepository plans, SupportPlanReviewRepository reviews, CareClock clock) {
    this.plans = plans;
    this.reviews = reviews;
    this.clock = clock;
  }

  /** Whether the case has a plan open or under review (also read by the BPMN condition that starts one). */
  @Transactional(readOnly = true)
  public boolean isRunning(Object caseId) {
    return running(toLong(caseId)).isPresent();
  }

  @Transactional(readOnly = true)
  public Optional<SupportPlan> running(long caseId) {
    return plans.findFirstByCaseIdAndStatusInOrderByIdDesc(caseId, RUNNING);
  }

  @Transactional
  SupportPlan open(long caseId, String reason) {
    return plans.saveAndFlush(new SupportPlan(caseId, reason == null ? "HIGH_RISK" : reason, clock.now()));
  }

  @Transactional
  void endWithCase(long caseId) {
    running(caseId).ifPresent(p -> p.endWithCase(clock.now()));
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
