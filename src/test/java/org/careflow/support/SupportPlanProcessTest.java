package org.careflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.careflow.TestSchool.COORDINATOR;
import static org.careflow.TestSchool.COUNSELLOR;
import static org.careflow.TestSchool.SUPERVISOR;
import static org.careflow.TestSchool.TEACHER;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.endOfDay;
import static org.careflow.TestSchool.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.inbox.TaskWork;
import org.careflow.oversight.OversightQueries;
import org.careflow.shared.CaseRisk;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The risk rules after talks and term reviews, and every path of `support-plan`: started by a high
 * risk, by the teacher's request (talk card, child's page, term review), written, reviewed every two
 * weeks, closed with approval or sent back; the weekly talks while it runs and monthly after.
 */
class SupportPlanProcessTest extends CareflowTest implements TestSchool.EarlyInTheAutumnTerm {


  @Autowired CaseLifecycle lifecycle;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired SupportPlans plans;
  @Autowired SupportPlanRequests requests;
  @Autowired RiskAssessmentRepository assessments;
  @Autowired CaseRisk risk;
  @Autowired SupportTimeline timeline;
  @Autowired TaskWork work;
  @Autowired OversightQueries oversight;
  @Autowired org.careflow.child.CareCases cases;


  private long caseInCare() {
    return school.caseInCare(school.classA, TEACHER, "tmentor", "SP");
  }

  private ProcessInstance caseInstance(long caseId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("child-case").processInstanceBusinessKey(Long.toString(caseId)).singleResult();
  }

  private ProcessInstance planInstance(long caseId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("support-plan").processInstanceBusinessKey(Long.toString(caseId)).singleResult();
  }

  private Task planTask(long caseId, String key) {
    return tasks.createTaskQuery().processDefinitionKey("support-plan").processInstanceBusinessKey(Long.toString(caseId))
        .taskDefinitionKey(key).singleResult();
  }

  private void completePlanTask(long caseId, String key, TaskWork.Worker w, Map<String, List<String>> values) {
    Task t = planTask(caseId, key);
    assertThat(t).as("open task " + key).isNotNull();
    school.completeTask(t.getId(), w, values);
  }

  /** A talk whose card makes the child high-risk: low mood and three behaviour incidents this month. */
  private void highRiskTalk(long caseId, String date) {
    school.complete(caseId, "monthlyTalk", TEACHER, form("talkDate", date, "topics", "emotions", "mood", "LOW",
        "concerns", "与同学打架", "incidents", "3", "daysMissed", "1"));
  }

  private void writePlan(long caseId) {
    completePlanTask(caseId, "writeSupportPlan", COUNSELLOR, form("problems", "情绪低落，多次违纪", "goals", "一个月内不再违纪",
        "actions", "每周心理辅导一次；每周班主任谈心", "responsibilities", "心理老师：辅导；班主任：每周谈心；监护人：每天陪伴"));
  }

  private Date nextTalkTimer(long caseId) {
    List<Job> jobs = management.createJobQuery().processInstanceId(caseInstance(caseId).getId()).activityId("nextMonth").timers().list();
    assertThat(jobs).hasSize(1);
    return jobs.get(0).getDuedate();
  }

  /** The decision alone, as a coordinator would try it in Cockpit: every matching rule gives a reason. */
  @Test
  void theRiskRulesGiveEveryReasonWithItsLevel() {
    Map<String, Object> in = new java.util.HashMap<>(Map.of("lowMoodTalks", 0, "latestMood", "CALM", "talksWithConcerns", 0,
        "rankDrop", 0, "incidents", 0, "daysMissed", 0, "guardianAge", 80, "guardianHealth", "POOR", "weeksWithoutContact", 5));
    var result = engine.getDecisionService().evaluateDecisionTableByKey("risk-level", in);
    assertThat(result.getResultList()).extracting(r -> r.get("level") + ":" + r.get("reason"))
        .containsExactlyInAnyOrder("MEDIUM:GUARDIAN_OLD", "MEDIUM:GUARDIAN_ILL", "MEDIUM:PARENTS_RARELY");
    in.put("weeksWithoutContact", 9);
    in.put("daysMissed", 6);
    assertThat(engine.getDecisionService().evaluateDecisionTableByKey("risk-level", in).getResultList())
        .extracting(r -> r.get("level") + ":" + r.get("reason")).contains("HIGH:PARENTS_UNREACHABLE", "HIGH:DAYS_MISSED_MANY");
    in.putAll(Map.of("guardianAge", 60, "guardianHealth", "GOOD", "weeksWithoutContact", 0, "daysMissed", 0));
    assertThat(engine.getDecisionService().evaluateDecisionTableByKey("risk-level", in).getResultList()).isEmpty();
    assertThat(engine.getDecisionService().evaluateDecisionTableByKey("talk-cadence", Map.of("riskLevel", "HIGH", "planRunning", true))
        .getSingleResult().getEntry("cadence").toString()).isEqualTo("WEEKLY");
    assertThat(engine.getDecisionService().evaluateDecisionTableByKey("talk-cadence", Map.of("riskLevel", "HIGH", "planRunning", false))
        .getSingleResult().getEntry("cadence").toString()).isEqualTo("MONTHLY");
  }

  @Test
  void aCalmTalkIsLowRiskAndStartsNoPlan() {
    long caseId = caseInCare();
    school.complete(caseId, "monthlyTalk", TEACHER, form("talkDate", "2026-09-07", "topics", "study", "mood", "CALM"));
    RiskAssessment a = assessments.findFirstByCaseIdOrderByIdDesc(caseId).orElseThrow();
    assertThat(a.getRiskLevel()).isEqualTo("LOW");
    assertThat(a.getReasonList()).isEmpty();
    assertThat(a.getTriggerKind()).isEqualTo("TALK");
    assertThat(planInstance(caseId)).isNull();
    assertThat(runtime.getVariables(caseInstance(caseId).getId())).containsEntry("riskLevel", "LOW")
        .doesNotContainKeys("planRequested", "riskFindings");
    assertThat(risk.current(List.of(caseId)).get(caseId).flagged()).isFalse();
    assertThat(nextTalkTimer(caseId)).isEqualTo(Date.from(LocalDate.of(2026, 10, 1).atStartOfDay(TestSchool.ZONE).toInstant()));
  }

  @Test
  void aHighRiskTalkStartsAPlanThatIsWrittenReviewedEveryTwoWeeksAndClosedWithApproval() {
    long caseId = caseInCare();
    highRiskTalk(caseId, "2026-09-07");

    RiskAssessment a = assessments.findFirstByCaseIdOrderByIdDesc(caseId).orElseThrow();
    assertThat(a.getRiskLevel()).isEqualTo("HIGH");
    assertThat(a.getReasonList()).containsExactlyInAnyOrder("LOW_MOOD", "BEHAVIOUR");
    assertThat(a.getInputs()).contains("incidents=3", "latestMood=LOW");
    CaseRisk.Risk current = risk.current(List.of(caseId)).get(caseId);
    assertThat(current.level()).isEqualTo("HIGH");
    assertThat(current.planRunning()).isTrue();

    ProcessInstance plan = planInstance(caseId);
    assertThat(plan).isWaitingAt("writeSupportPlan");
    assertThat(caseInstance(caseId)).isWaitingAt("supportPlan");
    Task write = planTask(caseId, "writeSupportPlan");
    // offered to the counsellors of the child's school (the model's "counsellor", scoped as the task is created)
    assertThat(tasks.getIdentityLinksForTask(write.getId())).anyMatch(l -> org.careflow.identity.Roles.schoolRoleGroup(
        school.classA.getSchool().getId(), "counsellor").equals(l.getGroupId()));
    assertThat(write.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 9, 14)));
    assertThat(plans.running(caseId).orElseThrow().getReason()).isEqualTo("HIGH_RISK");
    // the counsellor's inbox shows the task with the child's high-risk badge
    TaskWork.Row row = work.inbox(new TaskWork.Worker("tcounsellor", List.of("counsellor"), false), 0, 50).rows().stream()
        .filter(r -> r.taskId().equals(write.getId())).findFirst().orElseThrow();
    assertThat(row.subject()).isEqualTo("王小明");
    assertThat(row.risk()).isEqualTo("HIGH");

    writePlan(caseId);
    assertThat(plans.running(caseId).orElseThrow().getStatus()).isEqualTo(SupportPlan.Status.ACTIVE);
    assertThat(plan).isWaitingAt("twoWeeks");
    assertThat(planTask(caseId, "reviewSupportPlan")).isNull();

    school.fireTimersDueBy(LocalDateTime.of(2026, 9, 21, 9, 30));
    Task review = planTask(caseId, "reviewSupportPlan");
    assertThat(review.getAssignee()).isEqualTo("tteacher");
    completePlanTask(caseId, "reviewSupportPlan", TEACHER, form("reviewDate", "2026-09-21", "progress", "本周未违纪",
        "recommendation", "continue", "nextSteps", "继续辅导"));
    assertThat(plan).isWaitingAt("twoWeeks");

    school.fireTimersDueBy(LocalDateTime.of(2026, 10, 5, 9, 30));
    completePlanTask(caseId, "reviewSupportPlan", TEACHER, form("reviewDate", "2026-10-05", "progress", "情绪稳定，无违纪",
        "recommendation", "close"));
    Task approve = planTask(caseId, "approveSupportPlanClose");
    assertThat(tasks.getIdentityLinksForTask(approve.getId())).anyMatch(l -> org.careflow.identity.Roles.schoolRoleGroup(
        school.classA.getSchool().getId(), "supervisor").equals(l.getGroupId()));
    completePlanTask(caseId, "approveSupportPlanClose", SUPERVISOR, form("decision", "approve"));

    assertThat(plan).hasPassed("planClosed").isEnded();
    SupportPlan closed = plans.plansOf(caseId).get(0);
    assertThat(closed.getStatus()).isEqualTo(SupportPlan.Status.CLOSED);
    assertThat(closed.getClosedBy()).isEqualTo("tsupervisor");
    assertThat(plans.reviewsOf(closed.getId())).extracting(SupportPlanReview::getRecommendation).containsExactly("close", "continue");
    assertThat(timeline.entriesForCase(caseId)).extracting(TimelineEntry::kind)
        .contains("timeline.riskAssessment", "timeline.supportPlanOpened", "timeline.supportPlanWritten",
            "timeline.supportPlanReview", "timeline.supportPlanClosed");
    assertThat(caseInstance(caseId)).isNotWaitingAt("supportPlan");
  }

  @Test
  void aSupervisorSendsTheClosingBackAndTheReviewsGoOn() {
    long caseId = caseInCare();
    highRiskTalk(caseId, "2026-09-07");
    writePlan(caseId);
    school.fireTimersDueBy(LocalDateTime.of(2026, 9, 21, 9, 30));
    completePlanTask(caseId, "reviewSupportPlan", TEACHER, form("reviewDate", "2026-09-21", "progress", "好转", "recommendation", "close"));

    assertThatThrownBy(() -> completePlanTask(caseId, "approveSupportPlanClose", SUPERVISOR, form("decision", "return")))
        .isInstanceOf(InvalidInputException.class); // sending back needs a reason
    completePlanTask(caseId, "approveSupportPlanClose", SUPERVISOR, form("decision", "return", "comment", "再观察两周"));
    ProcessInstance plan = planInstance(caseId);
    assertThat(plan).isWaitingAt("twoWeeks");
    assertThat(plans.running(caseId).orElseThrow().getCloseComment()).isEqualTo("再观察两周");

    school.fireTimersDueBy(LocalDateTime.of(2026, 10, 5, 9, 30));
    assertThat(planTask(caseId, "reviewSupportPlan")).isNotNull();
    assertThat(plans.running(caseId)).isPresent();
  }

  @Test
  void whileThePlanRunsAHighRiskChildsTalksAreWeeklyAndMonthlyAgainAfterIt() {
    long caseId = caseInCare();
    highRiskTalk(caseId, "2026-09-07");
    // the timer to the next talk moved from 1 October to next Monday
    assertThat(nextTalkTimer(caseId)).isEqualTo(Date.from(LocalDate.of(2026, 9, 14).atStartOfDay(TestSchool.ZONE).toInstant()));
    writePlan(caseId);

    school.fireTimersDueBy(LocalDateTime.of(2026, 9, 14, 0, 30));
    Task weekTalk = school.task(caseId, "monthlyTalk");
    assertThat(weekTalk.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 9, 20)));
    assertThat(nextTalkTimer(caseId)).isEqualTo(Date.from(LocalDate.of(2026, 9, 21).atStartOfDay(TestSchool.ZONE).toInstant()));

    // the plan closes: from the next talk on, monthly again
    clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
    school.completeTask(weekTalk.getId(), TEACHER, form("talkDate", "2026-09-15", "topics", "emotions", "mood", "CALM", "parentsInformed", "true"));
    school.fireTimersDueBy(LocalDateTime.of(2026, 9, 21, 9, 30)); // the next weekly talk and the plan's first review
    completePlanTask(caseId, "reviewSupportPlan", TEACHER, form("reviewDate", "2026-09-21", "progress", "稳定", "recommendation", "close"));
    completePlanTask(caseId, "approveSupportPlanClose", SUPERVISOR, form("decision", "approve"));
    assertThat(plans.running(caseId)).isEmpty();
    assertThat(nextTalkTimer(caseId)).isEqualTo(Date.from(LocalDate.of(2026, 9, 28).atStartOfDay(TestSchool.ZONE).toInstant()));
    school.fireTimersDueBy(LocalDateTime.of(2026, 9, 28, 0, 30));
    assertThat(nextTalkTimer(caseId)).isEqualTo(Date.from(LocalDate.of(2026, 10, 1).atStartOfDay(TestSchool.ZONE).toInstant()));
    school.fireTimersDueBy(LocalDateTime.of(2026, 10, 1, 0, 30));
    assertThat(school.tasks(caseId, "monthlyTalk")).extracting(Task::getDueDate).last().isEqualTo(endOfDay(LocalDate.of(2026, 10, 31)));
  }

  @Test
  void aTeacherAsksForAPlanOnTheTalkCardAndTheRiskStaysLow() {
    long caseId = caseInCare();
    school.complete(caseId, "monthlyTalk", TEACHER, form("talkDate", "2026-09-07", "topics", "study", "mood", "CALM",
        "requestSupportPlan", "true"));
    assertThat(assessments.findFirstByCaseIdOrderByIdDesc(caseId).orElseThrow().getRiskLevel()).isEqualTo("LOW");
    assertThat(planInstance(caseId)).isWaitingAt("writeSupportPlan");
    assertThat(plans.running(caseId).orElseThrow().getReason()).isEqualTo("TEACHER_REQUEST");
    // a low-risk child keeps the monthly talk
    assertThat(nextTalkTimer(caseId)).isEqualTo(Date.from(LocalDate.of(2026, 10, 1).atStartOfDay(TestSchool.ZONE).toInstant()));
  }

  /** Over HTTP: the child's page shows the level and reasons; the teacher's button starts a plan; another class's teacher cannot. */
  @Test
  void theChildsPageShowsTheRiskAndTheClassTeacherAsksForAPlanThere() {
    long caseId = caseInCare();
    school.complete(caseId, "monthlyTalk", TEACHER, form("talkDate", "2026-09-07", "topics", "study", "mood", "ANXIOUS",
        "daysMissed", "3"));
    long childId = cases.careCase(caseId).getChild().getId();
    WebSession teacher = browser().login("tteacher", "pw");
    String page = teacher.get("/children/" + childId + "?lang=en").body();
    assertThat(page).contains("closer attention", "low, anxious or irritable in the last talk", "2 to 4 school days missed in 90 days",
        "Ask for an individual education plan");

    WebSession other = browser().login("tteacher2", "pw");
    other.get("/");
    assertThat(other.post("/cases/" + caseId + "/support-plan", Map.of()).statusCode()).isEqualTo(404);
    assertThat(planInstance(caseId)).isNull();

    assertThat(teacher.post("/cases/" + caseId + "/support-plan", Map.of()).statusCode()).isEqualTo(302);
    assertThat(planInstance(caseId)).isWaitingAt("writeSupportPlan");
    assertThat(plans.running(caseId).orElseThrow().getReason()).isEqualTo("TEACHER_REQUEST");
    assertThat(teacher.get("/children/" + childId + "?lang=en").body()).contains("An individual education plan is running.")
        .doesNotContain("Ask for an individual education plan");
  }

  @Test
  void aTeacherAsksForAPlanFromTheChildsPageOnceAndTheCaseClosingEndsIt() {
    long caseId = caseInCare();
    requests.request(caseId, "TEACHER_REQUEST");
    assertThat(planInstance(caseId)).isWaitingAt("writeSupportPlan");
    assertThatThrownBy(() -> requests.request(caseId, "TEACHER_REQUEST")).isInstanceOf(InvalidInputException.class);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("support-plan")
        .processInstanceBusinessKey(Long.toString(caseId)).count()).isEqualTo(1);
    // a high-risk talk while the plan runs starts no second plan
    highRiskTalk(caseId, "2026-09-07");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("support-plan")
        .processInstanceBusinessKey(Long.toString(caseId)).count()).isEqualTo(1);

    lifecycle.close(caseId, "TRANSFERRED", "转学");
    assertThat(planInstance(caseId)).isNull();
    assertThat(plans.plansOf(caseId).get(0).getStatus()).isEqualTo(SupportPlan.Status.ENDED);
  }

  @Test
  void theRiskIsAssessedAfterTheTermReviewWhereARankCollapseStartsAPlan() {
    long caseId = caseInCare();
    for (LocalDate d = LocalDate.of(2026, 9, 14); !d.isAfter(TestSchool.AUTUMN_END.plusDays(1)); d = d.plusDays(7)) {
      school.fireTimersDueBy(d.atTime(0, 30));
    }
    school.fireTimersDueBy(TestSchool.AUTUMN_END.plusDays(1).atTime(0, 30));
    clockAt(LocalDateTime.of(2027, 3, 1, 10, 0));
    OversightQueries.Targets before = oversight.targets(null);
    clockAt(LocalDateTime.of(2027, 1, 25, 10, 0));
    school.complete(caseId, "termReview", TEACHER, form("progress", "成绩下滑", "rankBefore", "8", "rankAfter", "30",
        "outcome", "continue", "summary", "需要重点关注"));

    RiskAssessment a = assessments.findFirstByCaseIdOrderByIdDesc(caseId).orElseThrow();
    assertThat(a.getTriggerKind()).isEqualTo("TERM_REVIEW");
    assertThat(a.getRiskLevel()).isEqualTo("HIGH");
    assertThat(a.getReasonList()).contains("RANK_COLLAPSE");
    assertThat(caseInstance(caseId)).isWaitingAt("termSignOff", "supportPlan");
    assertThat(plans.running(caseId).orElseThrow().getReason()).isEqualTo("HIGH_RISK");
    // the plan runs on past the term's sign-off
    school.complete(caseId, "termSignOff", SUPERVISOR, form("decision", "approve"));
    assertThat(planInstance(caseId)).isWaitingAt("writeSupportPlan");
    // the supervisors' targets count the child as at risk with a plan (the spring term, seen on 1 March)
    clockAt(LocalDateTime.of(2027, 3, 1, 10, 0));
    OversightQueries.Targets after = oversight.targets(null);
    assertThat(after.term().id()).isEqualTo(before.term().id());
    assertThat(after.atRiskWithPlan()).isEqualTo(before.atRiskWithPlan() + 1);
    assertThat(after.atRiskWithoutPlan()).isEqualTo(before.atRiskWithoutPlan());
  }

  @Test
  void aTermReviewWithTheOutcomeSupportAsksForAPlan() {
    long caseId = caseInCare();
    for (LocalDate d = LocalDate.of(2026, 9, 14); !d.isAfter(TestSchool.AUTUMN_END.plusDays(1)); d = d.plusDays(7)) {
      school.fireTimersDueBy(d.atTime(0, 30));
    }
    school.fireTimersDueBy(TestSchool.AUTUMN_END.plusDays(1).atTime(0, 30));
    clockAt(LocalDateTime.of(2027, 1, 25, 10, 0));
    school.complete(caseId, "termReview", TEACHER, form("progress", "情绪不稳", "outcome", "support", "summary", "建议制定个别教育方案"));
    assertThat(plans.running(caseId).orElseThrow().getReason()).isEqualTo("TERM_REVIEW");
    // closing the case at the review ends the plan with it
    school.complete(caseId, "termSignOff", SUPERVISOR, form("decision", "return", "comment", "请写明结案理由"));
    school.complete(caseId, "termReview", TEACHER, form("progress", "父母返乡", "outcome", "close", "summary", "父母返乡，结案"));
    school.complete(caseId, "termSignOff", SUPERVISOR, form("decision", "approve"));
    assertThat(caseInstance(caseId)).isNull();
    assertThat(planInstance(caseId)).isNull();
    assertThat(plans.plansOf(caseId).get(0).getStatus()).isEqualTo(SupportPlan.Status.ENDED);
  }
}
