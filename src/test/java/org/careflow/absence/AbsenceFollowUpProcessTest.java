package org.careflow.absence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careflow.TestSchool.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.child.CareCases;
import org.careflow.identity.Roles;
import org.careflow.inbox.TaskWork;
import org.careflow.reports.Statistics;
import org.careflow.school.SchoolClass;
import org.careflow.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 劝返: a talk card with enough days missed gives the class teacher a task to find out why; the reason and the
 * outcome are recorded, and dropping out closes the case as 辍学, which the statistics count (巩固率 falls).
 */
class AbsenceFollowUpProcessTest extends CareflowTest {

  @Autowired TaskService tasks;
  @Autowired CareCases cases;
  @Autowired Statistics statistics;

  List<Task> followUps(long caseId) {
    return tasks.createTaskQuery().processDefinitionKey(AbsenceFollowUps.PROCESS_KEY).active().list().stream()
        .filter(t -> {
          var pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
          return pi != null && pi.getBusinessKey() != null && caseOf(pi.getBusinessKey()) == caseId;
        }).toList();
  }

  @Autowired AbsenceFollowUpRepository rows;

  long caseOf(String businessKey) {
    return AbsenceFollowUps.idOf(businessKey).flatMap(rows::findById).map(AbsenceFollowUp::getCaseId).orElse(-1L);
  }

  @Test
  void enoughDaysMissedGiveTheClassTeacherAFollowUpAndDroppingOutClosesTheCase() {
    TestSchool.clockAt(LocalDateTime.of(2026, 10, 8, 9, 0));
    String teacher = school.newUser("abs", Roles.TEACHER);
    TaskWork.Worker asTeacher = TestSchool.as(teacher, Roles.TEACHER);
    SchoolClass c = school.newClass("五", 5, teacher);
    long caseId = school.caseInCare(c, asTeacher, "tmentor", "AB");
    long schoolId = c.getSchool().getId();
    var before = statistics.figuresOf(schoolId, school.autumn.getId()).figures();

    // October's talk: 5 days missed (the default asks from 3)
    school.complete(caseId, "monthlyTalk", asTeacher, form("talkDate", "2026-10-08", "topics", "study", "mood", "LOW", "daysMissed", "5"));
    Task task = followUps(caseId).stream().findFirst().orElseThrow();
    assertThat(task.getName()).isEqualTo("劝返：了解缺课原因");
    assertThat(task.getAssignee()).isEqualTo(teacher);
    assertThat(task.getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 10, 11)));

    // "other" needs words; nothing is written and the case stays open
    assertThatThrownBy(() -> school.completeTask(task.getId(), asTeacher, form("reason", "OTHER", "outcome", "DROPPED_OUT")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(cases.careCase(caseId).isOpen()).isTrue();
    assertThat(followUps(caseId)).hasSize(1);

    school.completeTask(task.getId(), asTeacher, form("reason", "WORK", "reasonText", "跟亲戚外出打工，多次劝说未返校", "outcome", "DROPPED_OUT"));
    assertThat(followUps(caseId)).isEmpty();
    assertThat(cases.careCase(caseId).isOpen()).isFalse();
    assertThat(cases.careCase(caseId).getCloseReason()).isEqualTo("DROPPED_OUT");

    var after = statistics.figuresOf(schoolId, school.autumn.getId());
    assertThat(after.figures().get("droppedOut")).isEqualTo(before.get("droppedOut") + 1);
    assertThat(after.figures().get("absenceFollowUps")).isEqualTo(before.get("absenceFollowUps") + 1);
    assertThat(after.leavers()).anyMatch(l -> "DROPPED_OUT".equals(l.reason()) && l.className().equals(c.getName()));
    assertThat(after.retentionRate()).isLessThan(1.0);
  }

  @Test
  void aDayOrTwoMissedIsNoFollowUpAndAnOpenOneIsNotDoubled() {
    TestSchool.clockAt(LocalDateTime.of(2026, 11, 9, 9, 0));
    String teacher = school.newUser("abs", Roles.TEACHER);
    TaskWork.Worker asTeacher = TestSchool.as(teacher, Roles.TEACHER);
    SchoolClass c = school.newClass("五", 5, teacher);
    long caseId = school.caseInCare(c, asTeacher, "tmentor", "AB");
    school.complete(caseId, "monthlyTalk", asTeacher, form("talkDate", "2026-11-09", "topics", "study", "mood", "CALM", "daysMissed", "2"));
    assertThat(followUps(caseId)).as("2 days are fewer than the 3 that ask for a follow-up").isEmpty();
    // talks that report days missed while a follow-up is open add none
    absences.onAbsence(new org.careflow.talk.AbsenceReported(caseId, 4, LocalDate.of(2026, 11, 9), teacher));
    absences.onAbsence(new org.careflow.talk.AbsenceReported(caseId, 6, LocalDate.of(2026, 11, 9), teacher));
    assertThat(followUps(caseId)).hasSize(1);
  }

  @Autowired AbsenceFollowUps absences;
}
