package org.careflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.COORDINATOR;
import static org.careflow.TestSchool.TEACHER;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.enrolment.CaseLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reminder and escalation timers of child-case, with the clock moved: who is told, when, and where it shows. */
class ReminderProcessTest extends CareflowTest implements TestSchool.EarlyInTheAutumnTerm {

  @Autowired CaseLifecycle lifecycle;
  @Autowired ManagementService management;
  @Autowired Reminders reminders;
  @Autowired OversightQueries queries;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private long registeredCase() {
    return school.registeredCase(school.classA, TEACHER, "RM");
  }

  private Job timer(Task t, String activityId) {
    return management.createJobQuery().processInstanceId(t.getProcessInstanceId()).activityId(activityId).singleResult();
  }

  @Test
  void theTimersFollowTheTasksDueDate() {
    long caseId = registeredCase();
    Task visit = school.task(caseId, "verificationVisit");
    assertThat(visit.getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 9, 21)));
    assertThat(timer(visit, "verificationVisitOverdue").getDuedate()).isEqualTo(new Date(visit.getDueDate().getTime() + 1000));
    assertThat(timer(visit, "verificationVisitLateAWeek").getDuedate())
        .isEqualTo(Date.from(visit.getDueDate().toInstant().plus(java.time.Duration.ofDays(7))));
  }

  @Test
  void anOverdueVisitRemindsTheTeacherThenEscalatesToTheSupervisorsAndShowsOnTheChildsPage() {
    long caseId = registeredCase();
    Task visit = school.task(caseId, "verificationVisit");

    school.fireTimersDueBy(LocalDateTime.of(2026, 9, 21, 23, 0)); // not yet due: nobody is told
    assertThat(reminders.ofCase(caseId)).isEmpty();

    school.fireTimersDueBy(LocalDateTime.of(2026, 9, 22, 8, 0));
    assertThat(reminders.ofCase(caseId)).singleElement().satisfies(r -> {
      assertThat(r.getKind()).isEqualTo(Reminder.Kind.REMINDER);
      assertThat(r.getRecipient()).isEqualTo("tteacher");
      assertThat(r.getTaskId()).isEqualTo(visit.getId());
      assertThat(r.getTaskKey()).isEqualTo("verificationVisit");
    });
    assertThat(school.task(caseId, "verificationVisit").getId()).isEqualTo(visit.getId()); // the task stays open

    school.fireTimersDueBy(LocalDateTime.of(2026, 9, 28, 23, 0)); // six days late: no escalation yet
    assertThat(reminders.ofCase(caseId)).hasSize(1);
    school.fireTimersDueBy(LocalDateTime.of(2026, 9, 29, 8, 0));
    List<Reminder> all = reminders.ofCase(caseId);
    assertThat(all).extracting(Reminder::getKind).containsExactly(Reminder.Kind.ESCALATION, Reminder.Kind.REMINDER);
    assertThat(all.get(0).getRecipient()).isEqualTo("group:supervisor");
    assertThat(all.get(0).getAssignee()).isEqualTo("tteacher");
    long childId = jdbc.queryForObject("SELECT child_id FROM cf_case WHERE id = ?", Long.class, caseId);
    assertThat(queries.openEscalations(1000)).anyMatch(e -> "核实家访".equals(e.taskName()) && Long.valueOf(childId).equals(e.childId()));
    HttpResponse<String> page = browser().login("tsupervisor", "pw").get("/children/" + childId);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("逾期提醒", "逾期上报校领导", "校领导（校长、分管领导）", "2026-09-21");

    // Done at last: the escalation leaves the supervisors' list, the history stays.
    clockAt(LocalDateTime.of(2026, 9, 30, 10, 0));
    school.complete(caseId, "verificationVisit", TEACHER, form("visitDate", "2026-09-30", "metWith", "祖母",
        "homeConditions", "砖房", "guardianHealth", "GOOD"));
    assertThat(queries.openEscalations(1000)).noneMatch(e -> Long.valueOf(childId).equals(e.childId()));
    assertThat(reminders.ofCase(caseId)).hasSize(2);
    assertThat(management.createJobQuery().processInstanceId(visit.getProcessInstanceId()).activityId("verificationVisitLateAWeek").count()).isZero();
  }

  @Test
  void aTaskDoneOnTimeRaisesNoReminderAndLeavesNoTimer() {
    long caseId = registeredCase();
    Task visit = school.task(caseId, "verificationVisit");
    clockAt(LocalDateTime.of(2026, 9, 10, 10, 0));
    school.complete(caseId, "verificationVisit", TEACHER, form("visitDate", "2026-09-10", "metWith", "祖母",
        "homeConditions", "砖房", "guardianHealth", "GOOD"));
    assertThat(management.createJobQuery().processInstanceId(visit.getProcessInstanceId()).activityId("verificationVisitOverdue").count()).isZero();
    school.fireTimersDueBy(LocalDateTime.of(2026, 9, 30, 8, 0));
    assertThat(reminders.ofCase(caseId)).noneMatch(r -> r.getTaskKey().equals("verificationVisit"));
  }

  @Test
  void eachMonthsTalkIsRemindedOnceEvenWhileAnEarlierOneIsStillOpen() {
    long caseId = registeredCase();
    school.complete(caseId, "verificationVisit", TEACHER, form("visitDate", "2026-09-07", "metWith", "祖母",
        "homeConditions", "砖房", "guardianHealth", "GOOD"));
    school.complete(caseId, "assignMentor", COORDINATOR, form("mentor", "tmentor"));
    school.complete(caseId, "firstMeeting", TestSchool.as("tmentor", "mentor"), form("meetingDate", "2026-09-07", "mood", "CALM", "notes", "见面"));

    for (LocalDate d = LocalDate.of(2026, 9, 14); d.isBefore(LocalDate.of(2026, 11, 3)); d = d.plusDays(7)) {
      school.fireTimersDueBy(d.atTime(0, 30));
    }
    school.fireTimersDueBy(LocalDateTime.of(2026, 11, 2, 9, 0));
    List<Reminder> talks = reminders.ofCase(caseId).stream().filter(r -> r.getTaskKey().equals("monthlyTalk")).toList();
    assertThat(talks.stream().filter(r -> r.getKind() == Reminder.Kind.REMINDER))
        .extracting(Reminder::getDueDate)
        .containsExactlyInAnyOrder(TestSchool.endOfDay(LocalDate.of(2026, 9, 30)).toInstant(), TestSchool.endOfDay(LocalDate.of(2026, 10, 31)).toInstant());
    assertThat(talks.stream().filter(r -> r.getKind() == Reminder.Kind.ESCALATION)).extracting(Reminder::getDueDate)
        .containsExactly(TestSchool.endOfDay(LocalDate.of(2026, 9, 30)).toInstant());
    assertThat(talks).allMatch(r -> r.getKind() == Reminder.Kind.ESCALATION || r.getRecipient().equals("tteacher"));
    assertThat(reminders.ofCase(caseId)).anyMatch(r -> r.getTaskKey().equals("weeklyCheckIn") && r.getRecipient().equals("tmentor"));
  }
}
