package org.careflow.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.oversight.OversightQueries;
import org.careflow.oversight.Scope;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The class-activities process: the decision activity-obligations raises a task for the class teacher
 * (组织主题班会（10月）), recording a matching activity completes it, an overdue one counts on the
 * oversight dashboard, and a table the coordinator changes in /design decides the next month's.
 */
class ActivityObligationsTest extends CareflowTest {

  @Autowired ClassActivities classActivities;
  @Autowired ObligationDecision decision;
  @Autowired Activities activities;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired OversightQueries oversight;
  final List<String> deployed = new ArrayList<>();

  @AfterEach
  void putTheTableBack() {
    deployed.forEach(id -> repository.deleteDeployment(id, true));
  }

  record Setup(String teacher, SchoolClass c, long childId) {}

  Setup aClassInOctober() {
    TestSchool.clockAt(LocalDateTime.of(2026, 10, 5, 9, 0));
    String teacher = school.newUser("act", Roles.TEACHER);
    SchoolClass c = school.newClass("三", 3, teacher);
    long caseId = school.registeredCase(c, TestSchool.as(teacher, Roles.TEACHER), "AO");
    long childId = jdbc.queryForObject("select child_id from cf_case where id = ?", Long.class, caseId);
    classActivities.ensureFor(c.getId());
    return new Setup(teacher, c, childId);
  }

  List<Task> open(SchoolClass c) {
    return tasks.createTaskQuery().processInstanceBusinessKey(ClassActivities.KEYS.key(c.getId())).active().list();
  }

  List<String> names(SchoolClass c) {
    return open(c).stream().map(Task::getName).toList();
  }

  @Test
  void theClassTeacherGetsTheMonthsThemeMeetingAndRecordingItCompletesTheTask() {
    Setup s = aClassInOctober();
    Task meeting = open(s.c()).stream().filter(t -> t.getName().equals("组织主题班会（10月）")).findFirst().orElseThrow();
    assertThat(meeting.getAssignee()).isEqualTo(s.teacher());
    assertThat(meeting.getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 10, 31)));
    assertThat(names(s.c())).contains("组织法制/安全/心理讲座（本学期）");
    // the same table read again the same month raises nothing twice
    assertThat(decision.raise(s.c().getId())).isEmpty();

    // a birthday party fulfils nothing of these; the theme meeting does
    CurrentUser teacher = new CurrentUser(s.teacher(), List.of(Roles.TEACHER));
    activities.record(teacher, new Activities.Form(s.c().getId(), "BIRTHDAY", "2026-10-05", "教室", s.teacher(),
        List.of(Long.toString(s.childId())), null), List.of());
    assertThat(names(s.c())).contains("组织主题班会（10月）");
    long id = activities.record(teacher, new Activities.Form(s.c().getId(), "THEME_MEETING", "2026-10-05", "教室", s.teacher(),
        List.of(Long.toString(s.childId())), "我身边的留守伙伴"), List.of());
    assertThat(names(s.c())).doesNotContain("组织主题班会（10月）").contains("组织法制/安全/心理讲座（本学期）");
    assertThat(jdbc.queryForObject("select activity_id from cf_activity_obligation where class_id = ? and kinds = 'THEME_MEETING'",
        Long.class, s.c().getId())).isEqualTo(id);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(meeting.getId()).singleResult().getDeleteReason())
        .isEqualTo("completed");
  }

  /**
   * A class's monthly check that falls past the school calendar's last term (no term to count weeks in)
   * still runs: it raises what the table asks without a term and waits for the next month, instead of
   * failing its timer job (the engine would retry it and then leave an incident nobody sees).
   */
  @Test
  void theMonthlyCheckPastTheLastTermOfTheCalendarStillRuns() {
    Setup s = aClassInOctober();
    String processId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(ClassActivities.KEYS.key(s.c().getId())).singleResult().getId();
    TestSchool.clockAt(LocalDateTime.of(2029, 3, 2, 9, 0)); // TestSchool's calendar ends long before
    var timer = engine.getManagementService().createJobQuery().processInstanceId(processId).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    var next = engine.getManagementService().createJobQuery().processInstanceId(processId).timers().singleResult();
    assertThat(next.getDuedate()).as("the next month's check")
        .isEqualTo(java.util.Date.from(LocalDateTime.of(2029, 4, 1, 6, 0).atZone(TestSchool.ZONE).toInstant()));
  }

  @Test
  void anObligationNotHeldByItsDayIsOverdueOnTheOversightDashboard() {
    Setup s = aClassInOctober();
    TestSchool.clockAt(LocalDateTime.of(2026, 11, 3, 9, 0)); // the October meeting was not held; November's timer not yet run
    var byClass = oversight.overdue(OversightQueries.GroupBy.CLASS, Scope.ALL).stream()
        .filter(r -> r.key().equals(s.c().getId().toString())).findFirst().orElseThrow();
    assertThat(byClass.label()).isEqualTo(s.c().getName());
    var byObligation = oversight.overdue(OversightQueries.GroupBy.OBLIGATION, Scope.classes(java.util.Set.of(s.c().getId()))).stream()
        .filter(r -> r.key().equals(ClassActivities.TASK_KEY)).findFirst().orElseThrow();
    assertThat(byObligation.counts().overdue()).as("October's theme meeting").isEqualTo(1);
    assertThat(byObligation.counts().dueSoon()).isZero();
  }

  @Test
  void thisAndTheNextMonthFollowTheTableTheCoordinatorChangedInDesign() throws Exception {
    Setup s = aClassInOctober();
    assertThat(names(s.c())).noneMatch(n -> n.contains("兴趣小组"));

    // the coordinator adds a rule in /design: an interest group every month of the term
    DecisionDefinition table = repository.createDecisionDefinitionQuery().decisionDefinitionKey(ClassActivities.DECISION_KEY)
        .latestVersion().singleResult();
    String xml = new String(repository.getResourceAsStream(table.getDeploymentId(), table.getResourceName()).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    String rule = """
        <rule id="interestGroupRule">
          <description>每月兴趣小组</description>
          <inputEntry id="igMonth"><text></text></inputEntry>
          <inputEntry id="igDays"><text></text></inputEntry>
          <inputEntry id="igWeek"><text>&gt;= 1</text></inputEntry>
          <inputEntry id="igBirthdays"><text></text></inputEntry>
          <outputEntry id="igKinds"><text>"INTEREST_GROUP"</text></outputEntry>
          <outputEntry id="igDue"><text>"MONTH_END"</text></outputEntry>
        </rule>
        </decisionTable>""";
    String changed = xml.replace("</decisionTable>", rule);
    WebSession coordinator = browser().login("tcoordinator", "pw");
    coordinator.get("/design");
    var saved = coordinator.post("/design/drafts", Map.of("resource", List.of(table.getResourceName()), "content", List.of(changed),
        "comment", List.of("每月增加兴趣小组")));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    long draft = Long.parseLong(saved.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    coordinator.get("/design/drafts/" + draft);
    assertThat(coordinator.post("/design/drafts/" + draft + "/deploy", Map.of("comment", List.of("每月增加兴趣小组"))).statusCode()).isEqualTo(302);
    DecisionDefinition after = repository.createDecisionDefinitionQuery().decisionDefinitionKey(ClassActivities.DECISION_KEY)
        .latestVersion().singleResult();
    deployed.add(after.getDeploymentId());
    assertThat(after.getVersion()).isEqualTo(table.getVersion() + 1);

    // read at once for this month …
    school.fireTimersDueBy(LocalDateTime.of(2026, 10, 5, 9, 1));
    assertThat(names(s.c())).contains("组织兴趣小组（10月）").filteredOn(n -> n.equals("组织主题班会（10月）")).hasSize(1);
    // … and for the next
    school.fireTimersDueBy(LocalDateTime.of(2026, 11, 1, 7, 0));
    assertThat(names(s.c())).contains("组织兴趣小组（11月）", "组织主题班会（11月）")
        .as("October's meeting is still open, overdue").contains("组织主题班会（10月）");
  }
}
