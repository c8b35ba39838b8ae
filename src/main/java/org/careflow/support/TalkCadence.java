package org.careflow.support;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.careflow.child.CareCalendar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often the class teacher talks with a child, from the `talk-cadence` decision (risk level, plan
 * running → WEEKLY or MONTHLY). `child-case` reads the talk's due date and the timer to the next talk
 * here ({@code ${talkCadence.talkDue(execution)}}, {@code ${talkCadence.nextTalkStart(execution)}}); monthly is
 * the calendar month of `careCalendar`, weekly the school week, never past the month's start.
 */
@Component("talkCadence")
@Transactional(readOnly = true)
public class TalkCadence {

  private final DecisionService decisions;
  private final CareCalendar calendar;
  private final RiskAssessmentRepository assessments;
  private final SupportPlans plans;

  TalkCadence(DecisionService decisions, CareCalendar calendar, RiskAssessmentRepository assessments, SupportPlans plans) {
    this.decisions = decisions;
    this.calendar = calendar;
    this.assessments = assessments;
    this.plans = plans;
  }

  public boolean weekly(Object caseId) {
    long id = SupportPlans.toLong(caseId);
    String level = assessments.findFirstByCaseIdOrderByIdDesc(id).map(RiskAssessment::getRiskLevel).orElse("LOW");
    Map<String, Object> vars = Map.of("riskLevel", level, "planRunning", plans.isRunning(id));
    Object cadence = decisions.evaluateDecisionTableByKey("talk-cadence", vars).getSingleResult().getEntry("cadence");
    return "WEEKLY".equals(cadence);
  }

  public Date talkDue(Object caseId) {
    return weekly(caseId) ? calendar.weekDue(caseId) : calendar.monthDue(caseId);
  }

  public Date nextTalkStart(Object caseId) {
    Date month = calendar.nextMonthStart(caseId);
    if (!weekly(caseId)) {
      return month;
    }
    Date week = calendar.nextWeekStart(caseId);
    return week.before(month) ? week : month;
  }
}
