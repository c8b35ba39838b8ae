package org.careflow.holiday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.TEACHER;
import static org.careflow.TestSchool.as;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.endOfDay;
import static org.careflow.TestSchool.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.child.CareCases;
import org.careflow.family.FamilyCalls;
import org.careflow.family.ParentContact;
import org.careflow.identity.Accounts;
import org.careflow.identity.Roles;
import org.careflow.oversight.Obligations;
import org.careflow.school.Holiday;
import org.careflow.school.HolidayRepository;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * `holiday-care`: each test makes a school of its own with the autumn and spring terms, a New Year holiday
 * inside the autumn term, the winter holiday (寒假, holding the Spring Festival of 6 February 2027) between
 * the terms, and one class with a child in care (class teacher tteacher, mentor tmentor).
 */
class HolidayCareProcessTest extends CareflowTest {

  @Autowired SchoolRepository schools;
  @Autowired SchoolClassRepository classes;
  @Autowired TermRepository terms;
  @Autowired HolidayRepository holidays;
  @Autowired Accounts accounts;
  @Autowired PlatformTransactionManager txm;
  @Autowired HolidayCares cares;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired CareCases cases;
  @Autowired FamilyCalls familyCalls;
  @Autowired ParentContact parentContact;
  @Autowired HolidayLetterRepository letters;
  @Autowired HolidayContactRepository contacts;

  @Autowired org.careflow.school.TeacherRepository teachers;

  private SchoolClass schoolClass;
  private String mentor;
  private Holiday newYear;
  private Holiday winter;

  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.IdentityService identityService;
  private Long holidaySchool;

  /** tcoordinator looks after this test's school only while it runs: other tests take tcoordinator's one school as theirs. */
  @org.junit.jupiter.api.AfterEach
  void coordinatorLeavesTheHolidaySchool() {
    if (holidaySchool != null) {
      for (String g : accounts.groupsOf("tcoordinator")) {
        if (holidaySchool.equals(org.careflow.identity.Roles.schoolOf(g))) {
          identityService.deleteMembership("tcoordinator", g);
        }
      }
      holidaySchool = null;
    }
  }

  private void newSchool() {
    new TransactionTemplate(txm).executeWithoutResult(s -> {
      School school = schools.save(new School(TestSchool.nextName("假期测试小学"), "测试镇"));
      terms.save(new Term(school, "2026年秋季学期", TestSchool.AUTUMN_START, TestSchool.AUTUMN_END));
      terms.save(new Term(school, "2027年春季学期", TestSchool.SPRING_START, LocalDate.of(2027, 7, 4)));
      newYear = holidays.save(new Holiday(school, "2027年元旦", LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 3)));
      winter = holidays.save(new Holiday(school, "2027年寒假", LocalDate.of(2027, 1, 21), LocalDate.of(2027, 2, 23)));
      schoolClass = classes.save(new SchoolClass(school, "六年级(" + TestSchool.next() + ")班", 6, "tteacher"));
      accounts.setClassTeacher(schoolClass.getId(), "tteacher");
      accounts.addToSchool("tcoordinator", school.getId()); // pairs the mentor
      holidaySchool = school.getId();
      mentor = "hmentor" + TestSchool.RUN.toLowerCase() + TestSchool.next();
      accounts.ensureUser(mentor, "假期帮扶教师", "pw", Roles.MENTOR);
      teachers.save(new org.careflow.school.Teacher(mentor, "假期帮扶教师", school, "英语", true));
    });
  }

  private long childInCare() {
    return school.caseInCare(schoolClass, TEACHER, mentor, "H");
  }

  private String careKey(Holiday h) {
    return cares.careOf(h.getId(), schoolClass.getId()).orElseThrow().businessKey();
  }

  private List<Task> tasksOf(String businessKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
        .sorted(java.util.Comparator.comparing(Task::getTaskDefinitionKey)).toList();
  }

  @Test
  void beforeTheWinterHolidayTheClassTeacherGetsTheLettersAndTheFestivalMeetingAndInItsMiddleTheMentorCallsEachMentee() {
    clockAt(LocalDateTime.of(2026, 12, 1, 9, 0));
    newSchool();
    long caseId = childInCare();
    assertThat(cares.ensure(winter.getId())).isEqualTo(1);
    assertThat(cares.ensure(winter.getId())).as("a second start makes nothing").isZero();
    String key = careKey(winter);
    assertThat(tasksOf(key)).as("nothing before the notice").isEmpty();

    school.fireTimersDueBy(LocalDateTime.of(2027, 1, 14, 8, 0)); // a week before the holiday
    List<Task> before = tasksOf(key);
    assertThat(before).extracting(Task::getTaskDefinitionKey).containsExactly("holidaySafetyLetter", "springFestivalMeeting");
    assertThat(before).extracting(Task::getAssignee).containsOnly("tteacher");
    assertThat(before.get(0).getDueDate()).isEqualTo(endOfDay(LocalDate.of(2027, 1, 20)));
    assertThat(before.get(1).getDueDate()).isEqualTo(endOfDay(LocalDate.of(2027, 2, 13)));

    school.completeTask(before.get(0).getId(), TEACHER, form("signedByGuardian", Long.toString(caseId)));
    assertThat(letters.findByCaseIdOrderByIdDesc(caseId)).singleElement()
        .satisfies(l -> assertThat(l.getSignedBy()).isEqualTo("GUARDIAN"));

    school.fireTimersDueBy(LocalDateTime.of(2027, 2, 4, 8, 0)); // the middle week of the holiday
    Task call = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("holidayMenteeContact").singleResult();
    assertThat(call.getAssignee()).isEqualTo(mentor);
    assertThat(call.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2027, 2, 11)));
    school.completeTask(call.getId(), as(mentor, Roles.MENTOR), form("contactDate", "2027-02-04", "called", Long.toString(caseId)));
    assertThat(contacts.findByCaseIdOrderByContactDateDescIdDesc(caseId)).extracting(HolidayContact::getKind).containsExactly("CALL");

    // the Spring Festival meeting with the parents who came home: family contact
    clockAt(LocalDateTime.of(2027, 2, 9, 15, 0));
    long childId = cases.careCase(caseId).getChild().getId();
    Task meeting = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("springFestivalMeeting").singleResult();
    school.completeTask(meeting.getId(), TEACHER, form("meetingDate", "2027-02-09", "fatherCame", Long.toString(caseId),
        "minutes", "90", "summary", "返乡家长座谈：假期安全、亲子沟通"));
    assertThat(familyCalls.callsOf(childId)).anySatisfy(c -> {
      assertThat(c.getKind()).isEqualTo("MEETING");
      assertThat(c.getParent()).isEqualTo("FATHER");
      assertThat(c.isReached()).isTrue();
      assertThat(c.getCallDate()).isEqualTo(LocalDate.of(2027, 2, 9));
    });
    assertThat(parentContact.weeksWithoutContact(childId)).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).as("the holiday's care is done").isZero();
  }

  @Autowired org.careflow.setup.CalendarMaintenance setup;

  @Test
  void enteringAHolidayOnTheCalendarPageStartsItsCareAndDeletingItEndsIt() {
    clockAt(LocalDateTime.of(2026, 12, 1, 9, 0));
    newSchool();
    childInCare();
    org.careflow.identity.CurrentUser admin = new org.careflow.identity.CurrentUser("tadmin", List.of(Roles.ADMIN));
    String name = TestSchool.nextName("2027年劳动节");
    setup.addCalendarEntry(admin, schoolClass.getSchool().getId(), "HOLIDAY", name, LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 5));
    Holiday may = holidays.findBySchoolIdAndName(schoolClass.getSchool().getId(), name).orElseThrow();
    String key = careKey(may);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isEqualTo(1);
    setup.deleteHoliday(admin, may.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
  }

  @Test
  void aShortHolidayAsksOnlyForTheLettersAndTheLettersNeedEachChildOnce() {
    clockAt(LocalDateTime.of(2026, 12, 1, 9, 0));
    newSchool();
    long caseId = childInCare();
    cares.ensure(newYear.getId());
    String key = careKey(newYear);
    school.fireTimersDueBy(LocalDateTime.of(2026, 12, 23, 8, 0));
    List<Task> open = tasksOf(key);
    assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly("holidaySafetyLetter");
    String id = Long.toString(caseId);
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        school.completeTask(open.get(0).getId(), TEACHER, form("signedByGuardian", id, "signedByParent", id)))
        .isInstanceOf(org.careflow.shared.InvalidInputException.class);
    assertThat(letters.findByCaseIdOrderByIdDesc(caseId)).as("nothing written").isEmpty();
    school.completeTask(open.get(0).getId(), TEACHER, form("notes", "家长外出未交回"));
    assertThat(letters.findByCaseIdOrderByIdDesc(caseId)).singleElement().satisfies(l -> assertThat(l.isReturned()).isFalse());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
  }

  @Test
  void noTalkIsDueInAHolidayAndTheNextStartsAfterIt() {
    clockAt(LocalDateTime.of(2026, 12, 1, 9, 0));
    newSchool();
    long caseId = childInCare();
    Task talk = school.task(caseId, "monthlyTalk");
    // December's talk would be due on the 31st, in the New Year holiday: the last school day before it
    assertThat(talk.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 12, 29)));
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(caseId))
        .processDefinitionKey("child-case").singleResult().getId();
    Job next = management.createJobQuery().processInstanceId(pi).activityId("nextMonth").singleResult();
    assertThat(next.getDuedate()).as("January's talk starts when school does").isEqualTo(Date.from(
        LocalDate.of(2027, 1, 4).atStartOfDay(TestSchool.ZONE).toInstant()));
    school.fireTimersDueBy(LocalDateTime.of(2027, 1, 4, 8, 0));
    assertThat(school.tasks(caseId, "monthlyTalk")).extracting(Task::getDueDate)
        .contains(endOfDay(LocalDate.of(2027, 1, 20)));
  }

  @Test
  void monthsAndWeeksThatAreAllHolidayAreNotMissed() {
    newSchool();
    List<Holiday> both = List.of(newYear, winter);
    // a term that runs through the winter holiday: February is all holiday up to the 23rd, and school on the 24th
    LocalDate start = LocalDate.of(2026, 9, 1);
    List<String> months = Obligations.months(start, LocalDate.of(2027, 2, 20), TestSchool.ZONE, both).stream()
        .map(Obligations.Period::label).toList();
    assertThat(months).containsExactly("2026-09", "2026-10", "2026-11", "2026-12", "2027-01");
    assertThat(Obligations.months(start, LocalDate.of(2027, 2, 28), TestSchool.ZONE, both)).extracting(Obligations.Period::label)
        .contains("2027-02");
    assertThat(Obligations.weeks(start, LocalDate.of(2027, 2, 20), TestSchool.ZONE, both)).extracting(Obligations.Period::label)
        .contains("2027-01-18").doesNotContain("2027-01-25", "2027-02-01");
  }
}
