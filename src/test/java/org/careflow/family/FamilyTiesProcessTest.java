package org.careflow.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careflow.TestSchool.COORDINATOR;
import static org.careflow.TestSchool.TEACHER;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.child.CareCases;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of `family-ties`, called from `child-case` for each term, driven through the task forms and the call log. */
class FamilyTiesProcessTest extends CareflowTest implements TestSchool.EarlyInTheAutumnTerm {

  private static final CurrentUser TEACHER_USER = new CurrentUser("tteacher", List.of(Roles.TEACHER));

  @Autowired CaseLifecycle lifecycle;
  @Autowired CareCases cases;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FamilyCalls calls;
  @Autowired ParentContact contact;
  @Autowired FamilyRecordRepository records;


  /** Registration, verification visit (7 September), pairing and first meeting: the case is in care. */
  private long caseInCare() {
    return school.caseInCare(school.classA, TEACHER, "tmentor", "F");
  }

  private long childOf(long caseId) {
    return cases.careCase(caseId).getChild().getId();
  }

  private List<Task> familyTasks(long caseId, String key) {
    return tasks.createTaskQuery().processDefinitionKey("family-ties").processInstanceBusinessKey(Long.toString(caseId))
        .taskDefinitionKey(key).list();
  }

  private Task familyTask(long caseId, String key) {
    List<Task> list = familyTasks(caseId, key);
    assertThat(list).as("open %s tasks", key).hasSize(1);
    return list.get(0);
  }

  private void mondayMorning(LocalDate monday) {
    school.fireTimersDueBy(monday.atTime(8, 0));
  }

  private void phoneCall(long caseId, LocalDate day) {
    calls.log(childOf(caseId), TEACHER_USER, new FamilyCalls.Entry(day, "PHONE", "MOTHER", "12", true, "说了学习情况"));
  }

  @Test
  void aCaseInCareHasTheTermsFamilyWorkInTheClassTeachersInbox() {
    long caseId = caseInCare();
    Task feedback = familyTask(caseId, "parentFeedback");
    assertThat(feedback.getAssignee()).isEqualTo("tteacher");
    assertThat(feedback.getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 9, 30)));
    Task letter = familyTask(caseId, "termLetter");
    assertThat(letter.getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2027, 1, 6)));
    // the verification visit of 7 September is this quarter's visit: no second one asked for
    assertThat(familyTasks(caseId, "quarterlyVisit")).isEmpty();
    assertThat(familyTasks(caseId, "parentsUnreachable")).isEmpty();
  }

  @Test
  void callsLoggedEveryWeekRaiseNoUnreachableTask() {
    long caseId = caseInCare();
    for (LocalDate monday = LocalDate.of(2026, 9, 14); monday.isBefore(LocalDate.of(2026, 10, 20)); monday = monday.plusWeeks(1)) {
      clockAt(monday.minusDays(2).atTime(19, 0));
      phoneCall(caseId, monday.minusDays(2));
      mondayMorning(monday);
    }
    assertThat(familyTasks(caseId, "parentsUnreachable")).isEmpty();
    assertThat(contact.weeksWithoutContact(childOf(caseId))).isZero();
  }

  @Test
  void threeWeeksWithoutAReachedCallGiveTheClassTeacherATaskThatEndsTheSpellWhenTheParentsAreFound() {
    long caseId = caseInCare();
    clockAt(LocalDateTime.of(2026, 9, 12, 19, 0));
    calls.log(childOf(caseId), TEACHER_USER, new FamilyCalls.Entry(LocalDate.of(2026, 9, 12), "VIDEO", "FATHER", "", false, "没人接"));
    mondayMorning(LocalDate.of(2026, 9, 14));
    mondayMorning(LocalDate.of(2026, 9, 21));
    assertThat(familyTasks(caseId, "parentsUnreachable")).isEmpty();
    mondayMorning(LocalDate.of(2026, 9, 28));
    Task t = familyTask(caseId, "parentsUnreachable");
    assertThat(t.getAssignee()).isEqualTo("tteacher");
    assertThat(t.getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 10, 5)));
    assertThat(contact.weeksWithoutContact(childOf(caseId))).isEqualTo(3);

    // reaching a parent without saying which is refused, and nothing is written
    assertThatThrownBy(() -> school.completeTask(t.getId(), TEACHER, form("searchDate", "2026-09-28", "outcome", "REACHED",
        "summary", "打通了务工单位电话"))).isInstanceOf(InvalidInputException.class);
    assertThat(records.findByCaseIdOrderByRecordDateDescIdDesc(caseId)).isEmpty();

    school.completeTask(t.getId(), TEACHER, form("searchDate", "2026-09-28", "outcome", "REACHED", "parent", "FATHER",
        "summary", "打通了务工单位电话，父亲答应每周打电话"));
    assertThat(calls.callsOf(childOf(caseId))).anySatisfy(c -> assertThat(c.isReached()).isTrue());
    mondayMorning(LocalDate.of(2026, 10, 5));
    assertThat(familyTasks(caseId, "parentsUnreachable")).isEmpty();
  }

  @Test
  void parentsStillUnreachableAreAskedForAgainAfterAnotherSpell() {
    long caseId = caseInCare();
    for (LocalDate m = LocalDate.of(2026, 9, 14); !m.isAfter(LocalDate.of(2026, 9, 28)); m = m.plusWeeks(1)) {
      mondayMorning(m);
    }
    school.completeTask(familyTask(caseId, "parentsUnreachable").getId(), TEACHER, form("searchDate", "2026-09-28",
        "outcome", "NOT_REACHED", "summary", "电话停机，亲戚也不知道"));
    mondayMorning(LocalDate.of(2026, 10, 5));
    mondayMorning(LocalDate.of(2026, 10, 12));
    assertThat(familyTasks(caseId, "parentsUnreachable")).isEmpty();
    mondayMorning(LocalDate.of(2026, 10, 19));
    assertThat(familyTasks(caseId, "parentsUnreachable")).hasSize(1);
  }

  @Test
  void theMonthsFeedbackIsRecordedAndNextMonthBringsAnother() {
    long caseId = caseInCare();
    clockAt(LocalDateTime.of(2026, 9, 20, 10, 0));
    school.completeTask(familyTask(caseId, "parentFeedback").getId(), TEACHER, form("feedbackDate", "2026-09-20",
        "channel", "PHONE", "summary", "数学进步，生活自理好"));
    assertThat(records.findByCaseIdOrderByRecordDateDescIdDesc(caseId)).singleElement()
        .satisfies(r -> {
          assertThat(r.getKind()).isEqualTo(FamilyRecord.Kind.FEEDBACK);
          assertThat(r.getPeriod()).isEqualTo("2026-09");
        });
    school.fireTimersDueBy(LocalDateTime.of(2026, 10, 1, 8, 0));
    assertThat(familyTask(caseId, "parentFeedback").getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 10, 31)));
  }

  @Test
  void aNewQuarterAsksForAHomeVisitWhichTheClassTeacherRecords() {
    long caseId = caseInCare();
    school.fireTimersDueBy(LocalDateTime.of(2026, 10, 1, 8, 0));
    Task visit = familyTask(caseId, "quarterlyVisit");
    assertThat(visit.getAssignee()).isEqualTo("tteacher");
    assertThat(visit.getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 12, 31)));
    clockAt(LocalDateTime.of(2026, 10, 10, 16, 0));
    school.completeTask(visit.getId(), TEACHER, form("visitDate", "2026-10-10", "metWith", "祖母、孩子",
        "homeConditions", "屋顶漏雨已修", "guardianHealth", "FAIR", "concerns", "祖母腿脚不便"));
    assertThat(familyTasks(caseId, "quarterlyVisit")).isEmpty();
    // the next quarter starts after the term: no visit asked for in January
    school.fireTimersDueBy(LocalDateTime.of(2027, 1, 1, 8, 0));
    assertThat(familyTasks(caseId, "quarterlyVisit")).isEmpty();
  }

  @Test
  void aVisitAfterAMissedGuardianMeetingCountsAsTheQuartersVisit() {
    long caseId = caseInCare();
    school.fireTimersDueBy(LocalDateTime.of(2026, 10, 1, 8, 0));
    assertThat(familyTasks(caseId, "quarterlyVisit")).hasSize(1);
    runtime.createMessageCorrelation("guardianAbsent") // as the guardian meeting does
        .processInstanceBusinessKey(Long.toString(caseId)).correlate();
    clockAt(LocalDateTime.of(2026, 12, 10, 16, 0));
    school.complete(caseId, "absenteeHomeVisit", TEACHER, form("visitDate", "2026-12-10", "metWith", "祖父",
        "homeConditions", "家中整洁", "guardianHealth", "GOOD"));
    assertThat(familyTasks(caseId, "quarterlyVisit")).isEmpty();
  }

  @Test
  void closingTheCaseEndsItsFamilyTies() {
    long caseId = caseInCare();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("family-ties")
        .processInstanceBusinessKey(Long.toString(caseId)).count()).isEqualTo(1);
    lifecycle.close(caseId, "PARENTS_RETURNED", null);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("family-ties")
        .processInstanceBusinessKey(Long.toString(caseId)).count()).isZero();
    assertThat(tasks.createTaskQuery().processDefinitionKey("family-ties").processInstanceBusinessKey(Long.toString(caseId)).count()).isZero();
  }

  @Test
  void theTermsEndEndsTheTermsFamilyTiesAndTheNextTermStartsThemAgain() {
    long caseId = caseInCare();
    school.fireTimersDueBy(LocalDateTime.of(2027, 1, 21, 8, 0));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("family-ties")
        .processInstanceBusinessKey(Long.toString(caseId)).count()).isZero();
  }

  @Test
  void aCallLogEntryIsCheckedWholeBeforeAnythingIsWritten() {
    long caseId = caseInCare();
    long child = childOf(caseId);
    assertThatThrownBy(() -> calls.log(child, TEACHER_USER, new FamilyCalls.Entry(LocalDate.of(2026, 9, 8), "PHONE", "UNCLE", "0", true, null)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().all()).containsKeys("date", "parent", "minutes"));
    assertThatThrownBy(() -> calls.log(child, new CurrentUser("tteacher2", List.of(Roles.TEACHER)),
        new FamilyCalls.Entry(LocalDate.of(2026, 9, 7), "PHONE", "MOTHER", "5", true, null)))
        .isInstanceOf(org.careflow.shared.NotFoundException.class);
    assertThat(calls.callsOf(child)).isEmpty();
    calls.expect(child, TEACHER_USER, "2");
    assertThat(contact.callsPerWeek(child)).isEqualTo(2);
    assertThatThrownBy(() -> calls.expect(child, TEACHER_USER, "0")).isInstanceOf(InvalidInputException.class);
  }
}
