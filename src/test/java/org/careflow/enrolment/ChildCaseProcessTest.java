package org.careflow.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.careflow.TestSchool.COORDINATOR;
import static org.careflow.TestSchool.SUPERVISOR;
import static org.careflow.TestSchool.TEACHER;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.CaseStatus;
import org.careflow.child.ChildArchive;
import org.careflow.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of `child-case`, driven through the same forms as the task page, with the clock moved by hand. */
class ChildCaseProcessTest extends CareflowTest implements TestSchool.EarlyInTheAutumnTerm {


  @Autowired CaseLifecycle lifecycle;
  @Autowired CareCases cases;
  @Autowired ChildArchive archive;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;


  private long enrol() {
    return lifecycle.enrol("王小明", school.classA.getId(), "tcoordinator").getId();
  }

  private ProcessInstance instance(long caseId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("child-case").processInstanceBusinessKey(Long.toString(caseId)).singleResult();
  }

  private String nextStudentNo() {
    return TestSchool.nextStudentNo("T");
  }


  @Test
  void aNewCaseWaitsForTheClassTeacherToBuildTheArchive() {
    long caseId = enrol();
    ProcessInstance pi = instance(caseId);
    assertThat(pi).isWaitingAt("registerChild");
    Task t = school.task(caseId, "registerChild");
    assertThat(t.getAssignee()).isEqualTo("tteacher");
    assertThat(t.getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 9, 14)));
    assertThat(runtime.getVariables(pi.getId()).keySet()).containsExactly("caseId");
    assertThat(cases.careCase(caseId).getStatus()).isEqualTo(CaseStatus.ENROLLING);
  }

  @Test
  void aChildWhoseParentsAreHomeIsNotEligibleAndTheCaseEndsWithTheReason() {
    long caseId = enrol();
    ProcessInstance pi = instance(caseId);
    school.complete(caseId, "registerChild", TEACHER, archive(nextStudentNo(), "PARENTS_HOME", LocalDate.of(2026, 1, 1)));
    assertThat(pi).hasPassed("decideEligibility", "notEligible").isEnded();
    CareCase c = cases.careCase(caseId);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.NOT_ELIGIBLE);
    assertThat(c.getEligibilityReason()).isEqualTo("PARENTS_HOME");
  }

  @Test
  void parentsAwayForLessThanThreeMonthsAreNotYetEligible() {
    long caseId = enrol();
    school.complete(caseId, "registerChild", TEACHER, archive(nextStudentNo(), "BOTH_AWAY", LocalDate.of(2026, 7, 20)));
    assertThat(instance(caseId)).isNull();
    assertThat(cases.careCase(caseId).getEligibilityReason()).isEqualTo("AWAY_LESS_THAN_3_MONTHS");
  }

  @Test
  void anEligibleChildIsVisitedPairedAndThenCaredForMonthlyAndWeekly() {
    long caseId = enrol();
    ProcessInstance pi = instance(caseId);
    school.complete(caseId, "registerChild", TEACHER, archive(nextStudentNo(), "BOTH_AWAY", LocalDate.of(2026, 1, 1)));
    // care starts at eligibility: the month's talk and the family ties beside the visit, no check-in without a mentor
    assertThat(pi).isWaitingAt("verificationVisit", "monthlyTalk", "nextMonth", "familyTies", "mentorPaired");
    assertThat(school.task(caseId, "verificationVisit").getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 9, 21)));
    assertThat(school.tasks(caseId, "weeklyCheckIn")).isEmpty();
    assertThat(cases.careCase(caseId).getStatus()).isEqualTo(CaseStatus.ACTIVE);

    school.complete(caseId, "verificationVisit", TEACHER, form("visitDate", "2026-09-07", "metWith", "祖母",
        "homeConditions", "砖房", "guardianHealth", "FAIR"));
    Task pairing = school.task(caseId, "assignMentor");
    assertThat(pairing.getAssignee()).isNull();
    // offered to the coordinators of the child's school (the model's "coordinator", scoped as it is created)
    assertThat(engine.getTaskService().getIdentityLinksForTask(pairing.getId())).extracting(l -> l.getGroupId())
        .containsExactly(org.careflow.identity.Roles.schoolRoleGroup(school.classA.getSchool().getId(), "coordinator"));

    school.complete(caseId, "assignMentor", COORDINATOR, form("mentor", "tmentor2"));
    assertThat(cases.careCase(caseId).getMentor()).isEqualTo("tmentor2");
    assertThat(school.task(caseId, "firstMeeting").getAssignee()).isEqualTo("tmentor2");

    assertThat(school.tasks(caseId, "weeklyCheckIn")).isEmpty();
    school.complete(caseId, "firstMeeting", TestSchool.as("tmentor2", "mentor"), form("meetingDate", "2026-09-07", "mood", "LOW", "notes", "想念父母"));
    assertThat(pi).isWaitingAt("monthlyTalk", "weeklyCheckIn", "nextMonth", "nextWeek").hasPassed("pairingDone", "mentorPaired");
    assertThat(school.task(caseId, "monthlyTalk").getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 9, 30)));
    assertThat(school.task(caseId, "monthlyTalk").getAssignee()).isEqualTo("tteacher");
    assertThat(school.task(caseId, "weeklyCheckIn").getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 9, 13)));
    assertThat(school.task(caseId, "weeklyCheckIn").getAssignee()).isEqualTo("tmentor2");
  }

  /**
   * A child found eligible in September whose mentor is only found in October: the class teacher's talk
   * and the family ties run from the first month; the mentor's check-ins start when the pairing is made.
   */
  @Test
  void aChildWhoWaitsAMonthForAMentorStillHasItsTalksAndTheCheckInsStartWithThePairing() {
    long caseId = enrol();
    ProcessInstance pi = instance(caseId);
    school.complete(caseId, "registerChild", TEACHER, archive(nextStudentNo(), "BOTH_AWAY", LocalDate.of(2026, 1, 1)));
    school.complete(caseId, "verificationVisit", TEACHER, form("visitDate", "2026-09-07", "metWith", "祖母",
        "homeConditions", "砖房", "guardianHealth", "GOOD", "archiveConfirmed", "true"));

    // month one without a mentor: the talk is there, due at the month's end; no check-in
    assertThat(cases.careCase(caseId).getMentor()).isNull();
    assertThat(school.task(caseId, "assignMentor")).isNotNull();
    assertThat(school.task(caseId, "monthlyTalk").getAssignee()).isEqualTo("tteacher");
    assertThat(school.task(caseId, "monthlyTalk").getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 9, 30)));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("family-ties")
        .processInstanceBusinessKey(Long.toString(caseId)).count()).isEqualTo(1);
    clockAt(LocalDateTime.of(2026, 9, 20, 16, 0));
    school.complete(caseId, "monthlyTalk", TEACHER, form("talkDate", "2026-09-20", "topics", "study", "mood", "CALM", "parentsInformed", "true"));
    school.fireCaseTimersDueBy(LocalDateTime.of(2026, 9, 28, 0, 30), caseId);
    assertThat(school.tasks(caseId, "weeklyCheckIn")).isEmpty();
    assertThat(pi).isWaitingAt("mentorPaired");

    // month two: the next talk comes; still waiting for the mentor until the coordinator pairs the child
    school.fireCaseTimersDueBy(LocalDateTime.of(2026, 10, 1, 0, 30), caseId);
    assertThat(school.tasks(caseId, "monthlyTalk")).extracting(Task::getDueDate)
        .containsExactly(TestSchool.endOfDay(LocalDate.of(2026, 10, 31)));
    assertThat(school.tasks(caseId, "weeklyCheckIn")).isEmpty();
    clockAt(LocalDateTime.of(2026, 10, 12, 9, 0));
    school.complete(caseId, "assignMentor", COORDINATOR, form("mentor", "tmentor"));
    assertThat(school.tasks(caseId, "weeklyCheckIn")).isEmpty(); // not before the mentor has met the child
    school.complete(caseId, "firstMeeting", TestSchool.as("tmentor", "mentor"), form("meetingDate", "2026-10-12", "mood", "CALM", "notes", "第一次见面"));

    Task checkIn = school.task(caseId, "weeklyCheckIn");
    assertThat(checkIn.getAssignee()).isEqualTo("tmentor");
    assertThat(checkIn.getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 10, 18)));
    school.fireCaseTimersDueBy(LocalDateTime.of(2026, 10, 19, 0, 30), caseId);
    assertThat(school.tasks(caseId, "weeklyCheckIn")).hasSize(2);
    assertThat(school.tasks(caseId, "monthlyTalk")).hasSize(1);
  }

  @Test
  void everyCalendarMonthBringsItsOwnTalkEvenWhenLastMonthsIsStillOpen() {
    long caseId = school.caseInCare();
    school.fireCaseTimersDueBy(LocalDateTime.of(2026, 10, 1, 0, 30), caseId);
    List<Task> talks = school.tasks(caseId, "monthlyTalk");
    assertThat(talks).extracting(Task::getDueDate)
        .containsExactly(TestSchool.endOfDay(LocalDate.of(2026, 9, 30)), TestSchool.endOfDay(LocalDate.of(2026, 10, 31)));

    clockAt(LocalDateTime.of(2026, 10, 12, 15, 0));
    school.completeTask(talks.get(1).getId(), TEACHER,
        form("talkDate", "2026-10-12", "topics", "study|emotions", "mood", "CALM", "parentsInformed", "true"));
    assertThat(school.tasks(caseId, "monthlyTalk")).extracting(Task::getId).containsExactly(talks.get(0).getId());

    school.fireCaseTimersDueBy(LocalDateTime.of(2026, 11, 1, 0, 30), caseId);
    assertThat(school.tasks(caseId, "monthlyTalk")).hasSize(2);
  }

  @Test
  void theWeeklyCheckInFollowsTheSchoolWeek() {
    long caseId = school.caseInCare();
    school.fireCaseTimersDueBy(LocalDateTime.of(2026, 9, 14, 0, 30), caseId);
    assertThat(school.tasks(caseId, "weeklyCheckIn")).extracting(Task::getDueDate)
        .containsExactly(TestSchool.endOfDay(LocalDate.of(2026, 9, 13)), TestSchool.endOfDay(LocalDate.of(2026, 9, 20)));
  }

  /** Walks the case week by week to the day after the term's end: the term review is then due. */
  private void toTermEnd(long caseId) {
    for (LocalDate d = LocalDate.of(2026, 9, 14); !d.isAfter(TestSchool.AUTUMN_END.plusDays(1)); d = d.plusDays(7)) {
      school.fireCaseTimersDueBy(d.atTime(0, 30), caseId);
    }
    school.fireCaseTimersDueBy(TestSchool.AUTUMN_END.plusDays(1).atTime(0, 30), caseId);
  }

  @Test
  void atTheTermsEndTheTermsWorkStopsAndTheReviewContinuesIntoTheNextTerm() {
    long caseId = school.caseInCare();
    ProcessInstance pi = instance(caseId);
    toTermEnd(caseId);
    assertThat(pi).isWaitingAt("termReview");
    assertThat(school.tasks(caseId, "monthlyTalk")).isEmpty();
    assertThat(school.tasks(caseId, "weeklyCheckIn")).isEmpty();

    clockAt(LocalDateTime.of(2027, 1, 25, 10, 0));
    school.complete(caseId, "termReview", TEACHER, form("progress", "进步明显", "rankBefore", "30", "rankAfter", "22",
        "outcome", "continue", "summary", "继续帮扶"));
    Task signOff = school.task(caseId, "termSignOff");
    assertThat(engine.getTaskService().getIdentityLinksForTask(signOff.getId())).extracting(l -> l.getGroupId())
        .containsExactly(org.careflow.identity.Roles.schoolRoleGroup(school.classA.getSchool().getId(), "supervisor"));
    school.complete(caseId, "termSignOff", SUPERVISOR, form("decision", "approve"));
    assertThat(pi).isWaitingAt("nextTermStarts");
    assertThat(cases.careCase(caseId).getTermId()).isNotEqualTo(school.autumn.getId());

    school.fireCaseTimersDueBy(TestSchool.SPRING_START.atTime(7, 0), caseId);
    assertThat(pi).isWaitingAt("monthlyTalk", "weeklyCheckIn", "nextMonth", "nextWeek");
    assertThat(school.task(caseId, "monthlyTalk").getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2027, 2, 28)));
  }

  @Test
  void aSupervisorSendsAReviewBackAndThenClosesTheCase() {
    long caseId = school.caseInCare();
    ProcessInstance pi = instance(caseId);
    toTermEnd(caseId);
    clockAt(LocalDateTime.of(2027, 1, 25, 10, 0));
    school.complete(caseId, "termReview", TEACHER, form("progress", "父母已返乡", "outcome", "close", "summary", "父母返乡，结案"));

    assertThatThrownBy(() -> school.complete(caseId, "termSignOff", SUPERVISOR, form("decision", "return")))
        .isInstanceOf(InvalidInputException.class); // sending back needs a comment
    school.complete(caseId, "termSignOff", SUPERVISOR, form("decision", "return", "comment", "请补充学习情况"));
    assertThat(pi).isWaitingAt("termReview");

    school.complete(caseId, "termReview", TEACHER, form("progress", "成绩稳定", "outcome", "close", "summary", "父母返乡，结案"));
    school.complete(caseId, "termSignOff", SUPERVISOR, form("decision", "approve"));
    assertThat(pi).hasPassed("closedAtReview").isEnded();
    assertThat(cases.careCase(caseId).getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(cases.careCase(caseId).getCloseReason()).isEqualTo("TERM_REVIEW");
  }

  @Test
  void aCaseClosedByMessageEndsWhereverItIsAndKeepsTheReason() {
    long caseId = school.caseInCare();
    ProcessInstance pi = instance(caseId);
    lifecycle.close(caseId, "PARENTS_RETURNED", "父亲回乡务农");
    assertThat(pi).hasPassed("caseClosed").isEnded();
    CareCase c = cases.careCase(caseId);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.getCloseReason()).isEqualTo("PARENTS_RETURNED");
    assertThat(c.getCloseNote()).isEqualTo("父亲回乡务农");
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();

    assertThatThrownBy(() -> lifecycle.close(caseId, "TRANSFERRED", null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aCaseCanBeClosedBeforeItsArchiveIsBuilt() {
    long caseId = enrol();
    lifecycle.close(caseId, "TRANSFERRED", null);
    assertThat(instance(caseId)).isNull();
    assertThat(cases.careCase(caseId).getCloseReason()).isEqualTo("TRANSFERRED");
  }

  @Test
  void anAbsentGuardianRaisesAHomeVisitInTheCase() {
    long caseId = school.caseInCare();
    runtime.createMessageCorrelation("guardianAbsent").processInstanceBusinessKey(Long.toString(caseId)).correlate();
    Task visit = school.task(caseId, "absenteeHomeVisit");
    assertThat(visit.getAssignee()).isEqualTo("tteacher");
    assertThat(visit.getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 9, 21)));
    school.complete(caseId, "absenteeHomeVisit", TEACHER, form("visitDate", "2026-09-07", "metWith", "祖父",
        "homeConditions", "祖母住院", "guardianHealth", "POOR"));
    assertThat(instance(caseId)).isWaitingAt("monthlyTalk", "weeklyCheckIn");
  }

  @Test
  void withoutTheNextTermInTheCalendarTheCoordinatorIsAskedToEnterIt() {
    long caseId = school.caseInCare();
    ProcessInstance pi = instance(caseId);
    // Walk to the end of the spring term, for which the test calendar has no successor.
    toTermEnd(caseId);
    clockAt(LocalDateTime.of(2027, 1, 25, 10, 0));
    school.complete(caseId, "termReview", TEACHER, form("progress", "好", "outcome", "continue", "summary", "继续"));
    school.complete(caseId, "termSignOff", SUPERVISOR, form("decision", "approve"));
    for (LocalDate d = TestSchool.SPRING_START; !d.isAfter(LocalDate.of(2027, 7, 6)); d = d.plusDays(7)) {
      school.fireCaseTimersDueBy(d.atTime(0, 30), caseId);
    }
    school.fireCaseTimersDueBy(LocalDateTime.of(2027, 7, 5, 1, 0), caseId);
    assertThat(pi).isWaitingAt("termReview");
    clockAt(LocalDateTime.of(2027, 7, 6, 10, 0));
    school.complete(caseId, "termReview", TEACHER, form("progress", "好", "outcome", "continue", "summary", "继续"));
    school.complete(caseId, "termSignOff", SUPERVISOR, form("decision", "approve"));
    assertThat(pi).isWaitingAt("enterTermCalendar");
    assertThatThrownBy(() -> school.complete(caseId, "enterTermCalendar", COORDINATOR, form("calendarEntered", "true")))
        .isInstanceOf(InvalidInputException.class);
  }
}
