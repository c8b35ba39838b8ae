package org.careflow.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.child.CareCases;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.inbox.TaskWork;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every fact entered once: a record completes every open task of the same child it answers, through
 * careflow's completion path, audited, and the page says so.
 */
class EveryFactOnceTest extends CareflowTest {

  @Autowired CareCases cases;
  @Autowired TaskService tasks;
  @Autowired FamilyCalls calls;
  @Autowired FamilyRecordRepository records;
  @Autowired JdbcTemplate jdbc;

  private String teacher;
  private SchoolClass own;
  private TaskWork.Worker worker;

  private long caseInOwnClass(String prefix) {
    teacher = school.newUser("tfact", Roles.TEACHER);
    own = school.newClass("五", 5, teacher);
    worker = TestSchool.as(teacher, Roles.TEACHER);
    clockAt(TestSchool.EARLY_AUTUMN);
    return school.caseInCare(own, worker, "tmentor", prefix);
  }

  private List<Task> familyTasks(long caseId, String key) {
    return tasks.createTaskQuery().processDefinitionKey("family-ties").processInstanceBusinessKey(Long.toString(caseId))
        .taskDefinitionKey(key).list();
  }

  private int audited(long caseId, String detail) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_audit WHERE case_id = ? AND action = 'RECORD' AND detail = ?", Integer.class,
        caseId, detail);
  }

  @Test
  void aTalkCardThatToldTheParentsCompletesTheMonthsFeedbackTaskAndOneThatDidNotLeavesIt() {
    long told = caseInOwnClass("FT");
    long notTold = school.caseInCare(own, worker, "tmentor", "FN");
    assertThat(familyTasks(told, "parentFeedback")).hasSize(1);
    clockAt(LocalDateTime.of(2026, 9, 20, 16, 0));
    school.complete(told, "monthlyTalk", worker, form("talkDate", "2026-09-20", "topics", "study", "mood", "CALM",
        "followUp", "月底再打电话", "parentsInformed", "true"));
    school.complete(notTold, "monthlyTalk", worker, form("talkDate", "2026-09-20", "topics", "study", "mood", "CALM"));

    assertThat(familyTasks(told, "parentFeedback")).isEmpty();
    assertThat(records.findByCaseIdOrderByRecordDateDescIdDesc(told)).singleElement().satisfies(r -> {
      assertThat(r.getKind()).isEqualTo(FamilyRecord.Kind.FEEDBACK);
      assertThat(r.getPeriod()).isEqualTo("2026-09");
      assertThat(r.getChannel()).isEqualTo(TalkFeedback.CHANNEL);
      assertThat(r.getRecordDate()).isEqualTo(LocalDate.of(2026, 9, 20));
      assertThat(r.getSummary()).isEqualTo("月底再打电话");
    });
    assertThat(audited(told, "parentFeedback")).isEqualTo(1);
    assertThat(familyTasks(notTold, "parentFeedback")).hasSize(1);
    assertThat(records.findByCaseIdOrderByRecordDateDescIdDesc(notTold)).isEmpty();
  }

  @Test
  void theInboxSaysWhatWasSavedWhatElseWasDoneAndKeepsTheFilter() {
    long caseId = caseInOwnClass("FW");
    clockAt(LocalDateTime.of(2026, 10, 5, 9, 0));
    school.fireTimersDueBy(LocalDateTime.of(2026, 10, 5, 8, 0));
    // September's talk is overdue and October's is open: the page tells them apart by the month
    List<Task> talks = school.tasks(caseId, "monthlyTalk");
    assertThat(talks).hasSize(2);
    String childName = jdbc.queryForObject("SELECT ch.name FROM cf_child ch JOIN cf_case c ON c.child_id = ch.id WHERE c.id = ?",
        String.class, caseId);
    WebSession s = browser().login(teacher, "pw");
    String list = s.get("/?kind=monthlyTalk").body();
    assertThat(list).contains("每月谈心（9月）", "每月谈心（10月）");
    assertThat(s.get("/tasks/" + talks.get(0).getId() + "?kind=monthlyTalk").body())
        .contains("<h1>每月谈心（9月）</h1>", "name=\"_back_kind\" value=\"monthlyTalk\"");

    var r = s.post("/tasks/" + talks.get(0).getId(), Map.of("talkDate", List.of("2026-09-30"), "topics", List.of("study"),
        "mood", List.of("CALM"), "parentsInformed", List.of("true"), "_back_kind", List.of("monthlyTalk")));
    assertThat(r.statusCode()).isEqualTo(302);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("kind=monthlyTalk").contains("#t-" + talks.get(1).getId());
    String after = s.get(location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", "")).body();
    assertThat(after).contains("已保存：" + childName + " · 每月谈心（9月）")
        .contains("本条记录同时完成了：向家长反馈学习生活情况")
        .contains("/tasks/" + talks.get(1).getId())
        .contains("selected=\"selected\"");
    assertThat(familyTasks(caseId, "parentFeedback")).extracting(t -> t.getDueDate())
        .allSatisfy(d -> assertThat(d).isAfter(TestSchool.endOfDay(LocalDate.of(2026, 9, 30))));
  }

  @Test
  void submitNextOpensTheListsNextTaskAtOnceAndSaysWhatWasSaved() {
    long caseId = caseInOwnClass("FX");
    clockAt(LocalDateTime.of(2026, 10, 5, 9, 0));
    school.fireTimersDueBy(LocalDateTime.of(2026, 10, 5, 8, 0));
    List<Task> talks = school.tasks(caseId, "monthlyTalk");
    assertThat(talks).hasSize(2);
    String childName = jdbc.queryForObject("SELECT ch.name FROM cf_child ch JOIN cf_case c ON c.child_id = ch.id WHERE c.id = ?",
        String.class, caseId);
    WebSession s = browser().login(teacher, "pw");
    assertThat(s.get("/tasks/" + talks.get(0).getId() + "?kind=monthlyTalk").body()).contains("name=\"_then\" value=\"next\"");

    var r = s.post("/tasks/" + talks.get(0).getId(), Map.of("talkDate", List.of("2026-09-30"), "topics", List.of("study"),
        "mood", List.of("CALM"), "_back_kind", List.of("monthlyTalk"), "_then", List.of("next")));
    assertThat(r.statusCode()).isEqualTo(302);
    String location = r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    assertThat(location).startsWith("/tasks/" + talks.get(1).getId()).contains("kind=monthlyTalk");
    String next = s.get(location).body();
    assertThat(next).contains("已保存：" + childName + " · 每月谈心（9月）", "<h1>每月谈心（10月）</h1>")
        .doesNotContain("name=\"_then\""); // the list's last talk: nothing after it
    assertThat(school.tasks(caseId, "monthlyTalk")).extracting(Task::getId).containsExactly(talks.get(1).getId());
  }

  @Test
  void feedbackGivenByPhoneEndsTheUnreachableSpellAndItsTask() {
    long caseId = caseInOwnClass("FP");
    for (LocalDate monday : List.of(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 28))) {
      school.fireTimersDueBy(monday.atTime(8, 0));
    }
    clockAt(LocalDateTime.of(2026, 9, 29, 19, 0));
    assertThat(familyTasks(caseId, "parentsUnreachable")).hasSize(1);
    Task feedback = familyTasks(caseId, "parentFeedback").get(0);
    school.completeTask(feedback.getId(), worker, form("feedbackDate", "2026-09-29", "channel", "PHONE", "summary", "和爸爸通了电话，说了这个月的学习"));
    assertThat(familyTasks(caseId, "parentsUnreachable")).isEmpty();
    assertThat(records.findByCaseIdOrderByRecordDateDescIdDesc(caseId)).extracting(r -> r.getKind() + " " + r.getChannel())
        .containsExactlyInAnyOrder("FEEDBACK PHONE", "UNREACHABLE REACHED");
    assertThat(audited(caseId, "parentsUnreachable")).isEqualTo(1);
  }

  @Test
  void aCallThatGotThroughEndsTheUnreachableSpellAndItsTask() {
    long caseId = caseInOwnClass("FU");
    long childId = cases.careCase(caseId).getChild().getId();
    CurrentUser u = new CurrentUser(teacher, List.of(Roles.TEACHER));
    for (LocalDate monday : List.of(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 28))) {
      school.fireTimersDueBy(monday.atTime(8, 0));
    }
    clockAt(LocalDateTime.of(2026, 9, 29, 19, 0));
    assertThat(familyTasks(caseId, "parentsUnreachable")).hasSize(1);
    // a call that did not get through changes nothing
    calls.log(childId, u, new FamilyCalls.Entry(LocalDate.of(2026, 9, 29), "PHONE", "FATHER", "", false, "没人接"));
    assertThat(familyTasks(caseId, "parentsUnreachable")).hasSize(1);

    calls.log(childId, u, new FamilyCalls.Entry(LocalDate.of(2026, 9, 29), "VIDEO", "MOTHER", "15", true, "妈妈换了新号码"));
    assertThat(familyTasks(caseId, "parentsUnreachable")).isEmpty();
    assertThat(records.findByCaseIdOrderByRecordDateDescIdDesc(caseId)).singleElement().satisfies(r -> {
      assertThat(r.getKind()).isEqualTo(FamilyRecord.Kind.UNREACHABLE);
      assertThat(r.getChannel()).isEqualTo("REACHED");
      assertThat(r.getSummary()).isEqualTo("妈妈换了新号码");
    });
    assertThat(audited(caseId, "parentsUnreachable")).isEqualTo(1);
    assertThat(calls.callsOf(childId)).hasSize(2); // the call is logged once, the task's form asked nothing again
  }

  @Test
  void aQuartersVisitThatConfirmedTheArchiveIsAlsoTheVerificationVisit() {
    teacher = school.newUser("tfactv", Roles.TEACHER);
    own = school.newClass("五", 5, teacher);
    worker = TestSchool.as(teacher, Roles.TEACHER);
    clockAt(TestSchool.EARLY_AUTUMN);
    long caseId = school.registeredCase(own, worker, "FV");
    assertThat(school.tasks(caseId, "verificationVisit")).hasSize(1);
    List<Task> quarterly = familyTasks(caseId, "quarterlyVisit");
    assertThat(quarterly).as("no visit yet this quarter").hasSize(1);
    school.completeTask(quarterly.get(0).getId(), worker, form("visitDate", "2026-09-07", "metWith", "祖母",
        "homeConditions", "砖房", "guardianHealth", "GOOD", "archiveConfirmed", "true"));
    assertThat(school.tasks(caseId, "verificationVisit")).isEmpty();
    assertThat(school.tasks(caseId, "assignMentor")).as("the case goes on to pairing").hasSize(1);
    assertThat(jdbc.queryForList("SELECT reason FROM cf_home_visit WHERE case_id = ?", String.class, caseId))
        .containsExactly("VERIFICATION");
    assertThat(audited(caseId, "verificationVisit")).isEqualTo(1);
  }
}
