package org.careflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.clockAt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.guardianmeeting.GuardianMeetings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A guardian meeting nobody plans: the class teacher is reminded, then the supervisors see it escalated with the class. */
class MeetingReminderTest extends CareflowTest {

  @Autowired GuardianMeetings meetings;
  @Autowired ManagementService management;
  @Autowired OversightQueries queries;
  @Autowired org.careflow.school.SchoolClassRepository classes;
  @Autowired JdbcTemplate jdbc;

  private List<Reminder.Kind> reminders(Task t) {
    return jdbc.queryForList("SELECT kind FROM cf_reminder WHERE task_id = ? ORDER BY id", String.class, t.getId())
        .stream().map(Reminder.Kind::valueOf).toList();
  }

  @Test
  void anUnplannedMeetingIsRemindedThenEscalatedWithItsClass() {
    clockAt(LocalDateTime.of(2026, 10, 8, 9, 0));
    // a class of its own, taught by tweb: started from the class's page before any case of the term
    org.careflow.school.SchoolClass c = classes.save(new org.careflow.school.SchoolClass(school.classA.getSchool(), "二年级(31)班", 2, "tweb"));
    long meetingId = meetings.startForClass(c.getId(), "tweb", null);
    Task plan = engine.getTaskService().createTaskQuery().processDefinitionKey(GuardianMeetings.PROCESS_KEY)
        .processInstanceBusinessKey(Long.toString(meetingId)).singleResult();
    assertThat(plan.getTaskDefinitionKey()).isEqualTo("planMeeting");
    Date due = Date.from(LocalDate.of(2026, 10, 22).plusDays(1).atStartOfDay(TestSchool.ZONE).toInstant().minusSeconds(1));
    assertThat(plan.getDueDate()).isEqualTo(due);

    school.fireTimersDueBy(LocalDateTime.of(2026, 10, 23, 8, 0));
    assertThat(reminders(plan)).containsExactly(Reminder.Kind.REMINDER);
    assertThat(jdbc.queryForObject("SELECT recipient FROM cf_reminder WHERE task_id = ?", String.class, plan.getId())).isEqualTo("tweb");

    school.fireTimersDueBy(LocalDateTime.of(2026, 10, 30, 8, 0));
    assertThat(reminders(plan)).containsExactly(Reminder.Kind.REMINDER, Reminder.Kind.ESCALATION);
    assertThat(queries.openEscalations(1000))
        .anyMatch(e -> "筹备家长会".equals(e.taskName()) && "二年级(31)班".equals(e.className()) && e.childId() == null);
  }
}
