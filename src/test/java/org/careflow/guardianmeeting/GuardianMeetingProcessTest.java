package org.careflow.guardianmeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.careflow.TestSchool.TEACHER2;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.careflow.identity.Audit;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * `guardian-meeting`: started by a class's first case of the term, one per class and term; plan, invite,
 * hold; each absent guardian raises a home visit in that child's case. Each test has a class of its own.
 */
class GuardianMeetingProcessTest extends CareflowTest {

  private static final AtomicInteger N = new AtomicInteger(40);

  @Autowired GuardianMeetings meetings;
  @Autowired CaseLifecycle lifecycle;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired MeetingGuestRepository guests;
  @Autowired SchoolClassRepository classes;
  @Autowired Audit audit;

  /** A class of the test school taught by tteacher2, new for each test. */
  private SchoolClass newClass() {
    return classes.save(new SchoolClass(school.classA.getSchool(), "五年级(" + TestSchool.next() + ")班", 5, "tteacher2"));
  }

  private List<GuardianMeeting> meetingsOf(SchoolClass c) {
    return meetings.meetingsOf(c.getId());
  }

  private long instances(long meetingId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(GuardianMeetings.PROCESS_KEY)
        .processInstanceBusinessKey(Long.toString(meetingId)).count();
  }

  /** Registered and found eligible: the case's term of care has started. */
  private long eligibleCase(SchoolClass c, String studentNo) {
    return school.registeredCase(c, TEACHER2, "李雨涵", studentNo);
  }

  private long caseInCare(SchoolClass c, String studentNo) {
    return school.caseInCare(c, TEACHER2, "tmentor", "李雨涵", studentNo);
  }

  private Task meetingTask(long meetingId, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(meetingId)).taskDefinitionKey(key).singleResult();
  }

  @Test
  void absentGuardiansGetAHomeVisitAndPresentOnesDoNot() {
    clockAt(LocalDateTime.of(2026, 11, 2, 9, 0));
    SchoolClass c = newClass();
    long present = caseInCare(c, school.nextStudentNo("GM"));
    long absent = caseInCare(c, school.nextStudentNo("GM"));
    // the first case of the class started the term's meeting; the second found it
    assertThat(meetingsOf(c)).singleElement().satisfies(m -> {
      assertThat(m.isFirstOfTerm()).isTrue();
      assertThat(m.getTermId()).isEqualTo(school.autumn.getId());
    });
    long meetingId = meetingsOf(c).get(0).getId();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("guardian-meeting")
        .processInstanceBusinessKey(Long.toString(meetingId)).singleResult();
    assertThat(pi).isWaitingAt("planMeeting");
    assertThat(meetingTask(meetingId, "planMeeting").getAssignee()).isEqualTo("tteacher2");

    // A date outside the term is refused, and nothing is planned.
    assertThatThrownBy(() -> school.completeTask(meetingTask(meetingId, "planMeeting").getId(), TEACHER2,
        form("meetingDate", "2027-03-01", "location", "教室", "agenda", "安全教育"))).isInstanceOf(InvalidInputException.class);
    assertThat(pi).isWaitingAt("planMeeting");

    school.completeTask(meetingTask(meetingId, "planMeeting").getId(), TEACHER2,
        form("meetingDate", "2026-11-20", "location", "教室", "agenda", "安全教育"));
    Task invite = meetingTask(meetingId, "sendInvitations");
    assertThat(invite.getDueDate()).isEqualTo(java.util.Date.from(LocalDate.of(2026, 11, 17).plusDays(1)
        .atStartOfDay(TestSchool.ZONE).toInstant().minusSeconds(1)));
    school.completeTask(invite.getId(), TEACHER2, form("method", "PHONE", "invited", present + "|" + absent));
    assertThat(guests.findByMeetingIdOrderById(meetingId)).hasSize(2);

    // Attendance cannot be recorded before the meeting day.
    assertThatThrownBy(() -> school.completeTask(meetingTask(meetingId, "holdMeeting").getId(), TEACHER2,
        form("absent", Long.toString(absent), "minutes", "到会1人"))).isInstanceOf(InvalidInputException.class);

    clockAt(LocalDateTime.of(2026, 11, 20, 17, 0));
    school.completeTask(meetingTask(meetingId, "holdMeeting").getId(), TEACHER2,
        form("absent", Long.toString(absent), "minutes", "到会1人，通报期中情况"));
    assertThat(pi).hasPassed("raiseAbsenteeVisits").isEnded();

    assertThat(school.tasks(absent, "absenteeHomeVisit")).hasSize(1);
    assertThat(school.tasks(absent, "absenteeHomeVisit").get(0).getAssignee()).isEqualTo("tteacher2");
    assertThat(school.tasks(present, "absenteeHomeVisit")).isEmpty();
    List<MeetingGuest> list = guests.findByMeetingIdOrderById(meetingId);
    assertThat(list).extracting(MeetingGuest::getPresent).containsExactlyInAnyOrder(true, false);
  }

  @Test
  void aClassWithCasesAtTheTermsStartHasExactlyOneMeetingDueInTheFourthWeek() {
    clockAt(LocalDateTime.of(2026, 9, 1, 9, 0));
    SchoolClass c = newClass();
    eligibleCase(c, school.nextStudentNo("GM"));
    eligibleCase(c, school.nextStudentNo("GM"));
    eligibleCase(c, school.nextStudentNo("GM"));
    assertThat(meetingsOf(c)).hasSize(1);
    long meetingId = meetingsOf(c).get(0).getId();
    assertThat(instances(meetingId)).isEqualTo(1);
    assertThat(meetings.ensureForTerm(c.getId(), school.autumn.getId())).isEqualTo(meetingId);
    Task plan = meetingTask(meetingId, "planMeeting");
    assertThat(plan.getAssignee()).isEqualTo("tteacher2");
    // the term starts on Tuesday 1 September: its fourth week begins on Monday 21 September
    assertThat(plan.getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 9, 21)));
  }

  @Test
  void aClassWhoseFirstCaseOpensLaterInTheTermGetsItsMeetingThen() {
    clockAt(LocalDateTime.of(2026, 11, 16, 9, 0));
    SchoolClass c = newClass();
    assertThat(meetingsOf(c)).isEmpty();
    long caseId = lifecycle.enrol("李雨涵", c.getId(), "tcoordinator").getId();
    assertThat(meetingsOf(c)).hasSize(1); // the class's first case of the term has opened
    school.complete(caseId, "registerChild", TEACHER2, archive(school.nextStudentNo("GM"), "BOTH_AWAY", LocalDate.of(2026, 1, 1)));
    assertThat(meetingsOf(c)).hasSize(1);
    // the meeting week is past: planned within two weeks
    assertThat(meetingTask(meetingsOf(c).get(0).getId(), "planMeeting").getDueDate())
        .isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 11, 30)));
  }

  @Test
  void theMeetingWeekTheCoordinatorChoseSetsThePlanningDueDate() {
    SchoolClass c = newClass();
    org.careflow.school.TermCalendar calendar = calendarBean();
    try {
      calendar.setMeetingWeek(school.autumn.getId(), 6);
      assertThatThrownBy(() -> calendar.setMeetingWeek(school.autumn.getId(), 40)).isInstanceOf(InvalidInputException.class);
      clockAt(LocalDateTime.of(2026, 9, 2, 9, 0));
      eligibleCase(c, school.nextStudentNo("GM"));
      assertThat(meetingTask(meetingsOf(c).get(0).getId(), "planMeeting").getDueDate())
          .isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 10, 5)));
    } finally {
      calendar.setMeetingWeek(school.autumn.getId(), 4);
    }
  }

  @Autowired org.springframework.context.ApplicationContext context;

  private org.careflow.school.TermCalendar calendarBean() {
    return context.getBean(org.careflow.school.TermCalendar.class);
  }

  @Test
  void aSecondMeetingInTheTermOnlyOnPurposeWithAReasonAndAudited() {
    clockAt(LocalDateTime.of(2026, 10, 8, 9, 0));
    SchoolClass c = newClass();
    long first = meetings.startForClass(c.getId(), "tteacher2", null); // no cases yet: the term's own meeting
    assertThat(meetingsOf(c)).singleElement().satisfies(m -> assertThat(m.isFirstOfTerm()).isTrue());
    assertThatThrownBy(() -> meetings.startForClass(c.getId(), "tteacher2", " "))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().all()).containsKey("reason"));
    assertThat(meetingsOf(c)).hasSize(1);
    // a case opening now finds the term's meeting and starts no other
    eligibleCase(c, school.nextStudentNo("GM"));
    assertThat(meetingsOf(c)).hasSize(1);

    long second = meetings.startForClass(c.getId(), "tcoordinator", "期中考试后临时召开安全教育家长会");
    assertThat(second).isNotEqualTo(first);
    assertThat(meetingsOf(c)).extracting(GuardianMeeting::getOrdinal).containsExactly(2, 1);
    assertThat(meetingsOf(c).get(0).getReason()).isEqualTo("期中考试后临时召开安全教育家长会");
    assertThat(meetingsOf(c).get(0).getStartedBy()).isEqualTo("tcoordinator");
    assertThat(instances(second)).isEqualTo(1);
    // (counted in the table: the audit's newest-first list is ordered by other tests' clocks too)
    assertThat(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
        "SELECT COUNT(*) FROM cf_audit WHERE actor = 'tcoordinator' AND action = ? AND detail LIKE ?", Long.class,
        GuardianMeetings.AUDIT_START, "%期中考试后临时召开安全教育家长会%")).isPositive();
  }

  @Test
  void theClassPageShowsTheMeetingsAndStartsAnotherOnlyWithAReason() {
    clockAt(LocalDateTime.of(2026, 10, 12, 9, 0));
    SchoolClass c = newClass();
    eligibleCase(c, school.nextStudentNo("GM"));
    org.careflow.WebSession teacher = browser().login("tteacher2", "pw");
    var page = teacher.get("/classes/" + c.getId());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(c.getName(), "2026年秋季学期", "name=\"reason\"");

    // without a reason nothing is started, and the page says why
    var refused = teacher.post("/classes/" + c.getId() + "/meetings", form("reason", ""));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("field-error");
    assertThat(meetingsOf(c)).hasSize(1);

    var started = teacher.post("/classes/" + c.getId() + "/meetings", form("reason", "秋收农忙后补开"));
    assertThat(started.statusCode()).isEqualTo(302);
    assertThat(meetingsOf(c)).hasSize(2);

    // another class teacher does not see the page
    assertThat(browser().login("tteacher", "pw").get("/classes/" + c.getId()).statusCode()).isEqualTo(404);
    assertThat(meetingsOf(c)).hasSize(2);
  }
}
