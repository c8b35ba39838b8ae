package org.careflow.yearend;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.careflow.guardianmeeting.GuardianMeeting;
import org.careflow.guardianmeeting.GuardianMeetings;
import org.careflow.identity.Accounts;
import org.careflow.identity.Roles;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A school's second year: a child cared for in the spring term, the year-end handover in July, and over
 * the summer holiday into the autumn term that the coordinator entered in the calendar. The autumn
 * term's talk and guardian meeting are then where they belong: in the new term, with the new class
 * teacher. The school is the test's own, so that its calendar has a next year (the shared test school's
 * has none after spring).
 */
class NewSchoolYearTest extends CareflowTest {

  @Autowired SchoolRepository schools;
  @Autowired SchoolClassRepository classes;
  @Autowired TeacherRepository teachers;
  @Autowired TermRepository terms;
  @Autowired Accounts accounts;
  @Autowired CaseLifecycle lifecycle;
  @Autowired CareCases cases;
  @Autowired YearEndHandover handover;
  @Autowired GuardianMeetings meetings;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired PlatformTransactionManager txm;

  @Test
  void afterTheHandoverTheAutumnTermsTalksAndMeetingRunInTheNewTermWithTheNewClassTeacher() {
    School[] s = new School[1];
    SchoolClass[] c = new SchoolClass[1];
    Term[] t = new Term[2];
    new TransactionTemplate(txm).executeWithoutResult(x -> {
      accounts.ensureUser("tnyteacher", "新学年班主任", "pw", Roles.TEACHER);
      accounts.ensureUser("tnyteacher2", "新学年接班班主任", "pw", Roles.TEACHER);
      accounts.ensureUser("tnysupervisor", "新学年校长", "pw", Roles.SUPERVISOR);
      s[0] = schools.save(new School("新学年测试小学", "测试镇"));
      teachers.save(new Teacher("tnyteacher", "新学年班主任", s[0], "语文", false));
      teachers.save(new Teacher("tnyteacher2", "新学年接班班主任", s[0], "数学", false));
      c[0] = classes.save(new SchoolClass(s[0], "三年级(1)班", 3, "tnyteacher"));
      accounts.setClassTeacher(c[0].getId(), "tnyteacher");
      accounts.addToSchool("tnysupervisor", s[0].getId());
      t[0] = terms.save(new Term(s[0], "2027年春季学期", LocalDate.of(2027, 2, 22), LocalDate.of(2027, 7, 2)));
      // next year's autumn term, as the coordinator enters it in the calendar
      t[1] = terms.save(new Term(s[0], "2027年秋季学期", LocalDate.of(2027, 9, 1), LocalDate.of(2028, 1, 21)));
    });
    TaskWorkers w = new TaskWorkers();

    clockAt(LocalDateTime.of(2027, 3, 1, 9, 0));
    long caseId = lifecycle.enrol("赵小燕", c[0].getId(), "tcoordinator").getId();
    school.complete(caseId, "registerChild", w.teacher, archive("NY2027-01", "BOTH_AWAY", LocalDate.of(2026, 6, 1)));
    assertThat(meetingsIn(c[0], t[0])).hasSize(1);

    // through the spring term to its review
    for (LocalDate d = LocalDate.of(2027, 3, 8); !d.isAfter(LocalDate.of(2027, 7, 3)); d = d.plusDays(7)) {
      school.fireTimersDueBy(d.atTime(0, 30), TestSchool.CASE_AND_MEETING_PROCESSES);
    }
    school.fireTimersDueBy(LocalDateTime.of(2027, 7, 3, 1, 0), TestSchool.CASE_AND_MEETING_PROCESSES);
    assertThat(school.tasks(caseId, "monthlyTalk")).isEmpty();
    clockAt(LocalDateTime.of(2027, 7, 5, 10, 0));
    school.complete(caseId, "termReview", w.teacher, form("progress", "适应良好", "outcome", "continue", "summary", "下学年继续帮扶"));
    school.complete(caseId, "termSignOff", w.supervisor, form("decision", "approve"));
    assertThat(cases.careCase(caseId).getTermId()).isEqualTo(t[1].getId());

    // the year-end handover: 三年级(1)班 becomes 四年级(1)班 with a new class teacher
    clockAt(LocalDateTime.of(2027, 7, 10, 10, 0));
    handover.promote(s[0].getId(), List.of(new YearEndHandover.Plan(c[0].getId(), "四年级(1)班", "tnyteacher2")), "tcoordinator");

    // the summer holiday: no talk is due, no meeting of the new term yet
    school.fireTimersDueBy(LocalDateTime.of(2027, 8, 15, 8, 0), TestSchool.CASE_AND_MEETING_PROCESSES);
    assertThat(school.tasks(caseId, "monthlyTalk")).isEmpty();
    assertThat(meetingsIn(c[0], t[1])).isEmpty();

    // the first morning of the autumn term
    school.fireTimersDueBy(LocalDateTime.of(2027, 9, 1, 7, 0), TestSchool.CASE_AND_MEETING_PROCESSES);
    // the new term's first talk, for the new class teacher, due within the new term's first month (a
    // child under special attention is talked with weekly, decision talk-cadence)
    List<Task> talks = school.tasks(caseId, "monthlyTalk");
    assertThat(talks).singleElement().satisfies(talk -> {
      assertThat(talk.getAssignee()).isEqualTo("tnyteacher2");
      assertThat(talk.getDueDate()).isAfter(TestSchool.endOfDay(LocalDate.of(2027, 8, 31)))
          .isBeforeOrEqualTo(TestSchool.endOfDay(LocalDate.of(2027, 9, 30)));
    });
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("family-ties")
        .processInstanceBusinessKey(Long.toString(caseId)).active().count()).isEqualTo(1);
    List<GuardianMeeting> autumn = meetingsIn(c[0], t[1]);
    assertThat(autumn).singleElement().satisfies(m -> assertThat(m.isFirstOfTerm()).isTrue());
    Task plan = tasks.createTaskQuery().processDefinitionKey(GuardianMeetings.PROCESS_KEY)
        .processInstanceBusinessKey(autumn.get(0).getId().toString()).taskDefinitionKey("planMeeting").singleResult();
    assertThat(plan.getAssignee()).isEqualTo("tnyteacher2");
    // 1 September 2027 is a Wednesday: the term's fourth week begins on Monday 20 September
    assertThat(plan.getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2027, 9, 20)));

    // a month on, October's talk is due within October, still in the new term, still one meeting
    school.fireTimersDueBy(LocalDateTime.of(2027, 10, 1, 0, 30), TestSchool.CASE_AND_MEETING_PROCESSES);
    assertThat(school.tasks(caseId, "monthlyTalk")).extracting(Task::getDueDate)
        .anyMatch(d -> d.after(TestSchool.endOfDay(LocalDate.of(2027, 9, 30))) && !d.after(TestSchool.endOfDay(LocalDate.of(2027, 10, 31))));
    assertThat(meetingsIn(c[0], t[1])).hasSize(1);
  }

  private List<GuardianMeeting> meetingsIn(SchoolClass c, Term t) {
    return meetings.meetingsOf(c.getId()).stream().filter(m -> m.getTermId().equals(t.getId())).toList();
  }

  private static final class TaskWorkers {
    final org.careflow.inbox.TaskWork.Worker teacher = TestSchool.as("tnyteacher", Roles.TEACHER);
    final org.careflow.inbox.TaskWork.Worker supervisor = TestSchool.as("tnysupervisor", Roles.SUPERVISOR);
  }
}
