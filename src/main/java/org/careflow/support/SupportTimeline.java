package org.careflow.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.careflow.shared.CareClock;
import org.careflow.shared.TimelineContributor;
import org.careflow.shared.TimelineEntry;
import org.careflow.shared.TimelineEntry.Detail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Risk assessments, support plans and their reviews on the child's page. */
@Component
class SupportTimeline implements TimelineContributor {

  private final RiskAssessmentRepository assessments;
  private final SupportPlans plans;
  private final CareClock clock;

  SupportTimeline(RiskAssessmentRepository assessments, SupportPlans plans, CareClock clock) {
    this.assessments = assessments;
    this.plans = plans;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesForCase(long caseId) {
    List<TimelineEntry> out = new ArrayList<>();
    for (RiskAssessment a : assessments.findByCaseIdOrderByIdDesc(caseId)) {
      out.add(new TimelineEntry(at(a.getAssessedAt()), "timeline.riskAssessment", null, details(
          "record.riskLevel", "risk:" + a.getRiskLevel(),
          "record.riskReasons", a.getReasonList().isEmpty() ? null : "riskreason:" + String.join(",", a.getReasonList()),
          "record.riskTrigger", "risktrigger:" + a.getTriggerKind())));
    }
    for (SupportPlan p : plans.plansOf(caseId)) {
      out.add(new TimelineEntry(at(p.getOpenedAt()), "timeline.supportPlanOpened", null,
          details("record.planReason", "planreason:" + p.getReason())));
      if (p.getWrittenAt() != null) {
        out.add(new TimelineEntry(at(p.getWrittenAt()), "timeline.supportPlanWritten", p.getWrittenBy(), details(
            "record.planProblems", p.getProblems(), "record.planGoals", p.getGoals(), "record.planActions", p.getActions(),
            "record.planResponsibilities", p.getResponsibilities())));
      }
      for (SupportPlanReview r : plans.reviewsOf(p.getId())) {
        out.add(new TimelineEntry(at(r.getWrittenAt()), "timeline.supportPlanReview", r.getWrittenBy(), details(
            "record.planProgress", r.getProgress(), "record.planRecommendation", "planrec:" + r.getRecommendation(),
            "record.planNextSteps", r.getNextSteps())));
      }
      if (p.getClosedAt() != null) {
        out.add(new TimelineEntry(at(p.getClosedAt()), p.getStatus() == SupportPlan.Status.CLOSED
            ? "timeline.supportPlanClosed" : "timeline.supportPlanEnded", p.getClosedBy(),
            details("record.signOffComment", p.getCloseComment())));
      }
    }
    return out;
  }

  private LocalDateTime at(Instant i) {
    return LocalDateTime.ofInstant(i, clock.zone());
  }

  private static List<Detail> details(String... pairs) {
    List<Detail> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
        out.add(new Detail(pairs[i], pairs[i + 1]));
      }
    }
    return out;
  }
}
