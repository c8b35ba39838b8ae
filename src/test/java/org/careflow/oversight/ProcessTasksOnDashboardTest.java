package org.careflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.form;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.careflow.CareflowTest;
import org.careflow.SecondSchool;
import org.careflow.TestSchool;
import org.careflow.absence.AbsenceFollowUps;
import org.careflow.child.CareCases;
import org.careflow.identity.Roles;
import org.careflow.inbox.TaskWork;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The overdue task of a process about something other than a case (a 劝返 follow-up, business key
 * {@code absence-<id>}) counts for its child's class and school: the school's supervisor sees it in the
 * figures and the drill-down names the child; another school's supervisor does not see it; a rebuild of the
 * summary places it the same way.
 */
class ProcessTasksOnDashboardTest extends CareflowTest {

  @Autowired OversightQueries queries;
  @Autowired OpenWork openWork;
  @Autowired SecondSchool second;
  @Autowired CareCases cases;

  @Test
  void anOverdueAbsenceFollowUpCountsForItsSchoolOnly() {
    second.ensure();
    TestSchool.clockAt(LocalDateTime.of(2026, 10, 8, 9, 0));
    String teacher = school.newUser("otd", Roles.TEACHER);
    TaskWork.Worker asTeacher = TestSchool.as(teacher, Roles.TEACHER);
    SchoolClass c = school.newClass("四", 4, teacher);
    long caseId = school.caseInCare(c, asTeacher, "tmentor", "OTD");
    long childId = cases.careCase(caseId).getChild().getId();
    // the talk card counts 5 days missed: a follow-up for the class teacher, due 10-11
    school.complete(caseId, "monthlyTalk", asTeacher, form("talkDate", "2026-10-08", "topics", "study", "mood", "LOW", "daysMissed", "5"));
    TestSchool.clockAt(LocalDateTime.of(2026, 10, 20, 9, 0));

    Scope schoolA = Scope.schools(Set.of(c.getSchool().getId()));
    Scope schoolB = Scope.schools(Set.of(second.school.getId()));
    assertSeenByItsSchoolOnly(c, childId, schoolA, schoolB);
    openWork.rebuild();
    assertSeenByItsSchoolOnly(c, childId, schoolA, schoolB);
  }

  @Autowired org.careflow.guardianmeeting.GuardianMeetings meetings;

  /** A guardian meeting held counts in its class's targets at once (oversight's copy, from the meeting's event) and after a rebuild. */
  @Test
  void aMeetingHeldCountsForItsClass() {
    TestSchool.clockAt(LocalDateTime.of(2026, 10, 8, 9, 0));
    String teacher = school.newUser("otm", Roles.TEACHER);
    TaskWork.Worker asTeacher = TestSchool.as(teacher, Roles.TEACHER);
    SchoolClass c = school.newClass("二", 2, teacher);
    long caseId = school.caseInCare(c, asTeacher, "tmentor", "OTM"); // its class's meeting of the term starts with it
    String meeting = meetings.meetingsOf(c.getId()).get(0).getId().toString();
    Scope theClass = Scope.classes(Set.of(c.getId()));
    assertThat(queries.targets(school.autumn.getId(), theClass).guardianMeetingsHeld()).isZero();
    school.completeTask(meetingTask(meeting, "planMeeting"), asTeacher, form("meetingDate", "2026-10-09", "location", "教室", "agenda", "安全教育"));
    school.completeTask(meetingTask(meeting, "sendInvitations"), asTeacher, form("method", "PHONE", "invited", Long.toString(caseId)));
    TestSchool.clockAt(LocalDateTime.of(2026, 10, 9, 17, 0));
    school.completeTask(meetingTask(meeting, "holdMeeting"), asTeacher, form("minutes", "到会1人"));
    TestSchool.clockAt(LocalDateTime.of(2026, 10, 9, 18, 0)); // the targets count up to now
    assertThat(queries.targets(school.autumn.getId(), theClass).guardianMeetingsHeld()).isEqualTo(1);
    openWork.rebuild();
    assertThat(queries.targets(school.autumn.getId(), theClass).guardianMeetingsHeld()).isEqualTo(1);
  }

  private String meetingTask(String meetingId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(meetingId).taskDefinitionKey(key).singleResult().getId();
  }

  private void assertSeenByItsSchoolOnly(SchoolClass c, long childId, Scope schoolA, Scope schoolB) {
    OversightQueries.CaseFilter followUps = new OversightQueries.CaseFilter(null, c.getId(), null, AbsenceFollowUps.TASK_KEY, "overdue");
    List<OversightQueries.ChildRow> rows = queries.cases(followUps, schoolA, 50);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).childId()).isEqualTo(childId);
    assertThat(rows.get(0).className()).isEqualTo(c.getName());
    assertThat(rows.get(0).counts().overdue()).isEqualTo(1);
    assertThat(rows.get(0).counts().days8to30()).isEqualTo(1);
    // the school's figures hold it in its class and under its obligation, as many as the drill-down finds
    OversightQueries.OverdueFigures a = queries.figures(schoolA);
    assertThat(a.byClass()).anyMatch(r -> r.key().equals(c.getId().toString()) && r.counts().overdue() >= 1);
    long schoolFollowUps = queries.cases(new OversightQueries.CaseFilter(null, null, null, AbsenceFollowUps.TASK_KEY, "overdue"), schoolA, 10_000)
        .stream().mapToLong(r -> r.counts().overdue()).sum();
    assertThat(a.byObligation()).anyMatch(r -> r.key().equals(AbsenceFollowUps.TASK_KEY) && r.counts().overdue() == schoolFollowUps);
    // the district sees it under school A
    assertThat(queries.cases(new OversightQueries.CaseFilter(c.getSchool().getId(), c.getId(), null, AbsenceFollowUps.TASK_KEY, "overdue"),
        Scope.ALL, 50)).extracting(OversightQueries.ChildRow::childId).containsExactly(childId);
    // school B's supervisor: not in the drill-down, not among the classes
    assertThat(queries.cases(followUps, schoolB, 50)).isEmpty();
    assertThat(queries.figures(schoolB).byClass()).noneMatch(r -> r.key().equals(c.getId().toString()));
  }
}
