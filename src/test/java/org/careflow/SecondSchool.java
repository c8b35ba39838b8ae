package org.careflow;

import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.careflow.enrolment.CaseLifecycle;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second school beside {@link TestSchool}, for the scope tests: class D with its teacher
 * {@code tteacher3} and supervisor {@code tsupervisor2}, and two children of class D with open work: one
 * waiting for its archive (a task assigned to tteacher3), one waiting for a mentor (a task offered to the
 * coordinators of school 2). School 1 gets a subject teacher {@code tsubject} and a counsellor
 * {@code tcounsellor}. Made once per test context; all passwords {@code pw}.
 */
@Component
public class SecondSchool {

  public static final String CHILD_WAITING_FOR_ARCHIVE = "第二校甲";
  public static final String CHILD_WAITING_FOR_MENTOR = "第二校乙";
  public static final String CLASS_NAME = "第二校三年级(9)班";

  private final TestSchool first;
  private final SchoolRepository schools;
  private final SchoolClassRepository classes;
  private final TeacherRepository teachers;
  private final TermRepository terms;
  private final Accounts accounts;
  private final CaseLifecycle lifecycle;
  private final TaskService tasks;
  private final TransactionTemplate transactions;

  public School school;
  public SchoolClass classD;
  /** The case and child waiting for their archive (registerChild, assigned to tteacher3). */
  public long archiveCase;
  public long archiveChild;
  public String archiveTask;
  /** The case and child waiting for a mentor (assignMentor, offered to school 2's coordinators). */
  public long mentorCase;
  public long mentorChild;
  public String mentorTask;
  /** A child of school 1's class A waiting for their archive (registerChild, assigned to tteacher). */
  public long firstSchoolChild;
  public String firstSchoolTask;

  SecondSchool(TestSchool first, SchoolRepository schools, SchoolClassRepository classes, TeacherRepository teachers,
      TermRepository terms, Accounts accounts, CaseLifecycle lifecycle, TaskService tasks, PlatformTransactionManager txm) {
    this.first = first;
    this.schools = schools;
    this.classes = classes;
    this.teachers = teachers;
    this.terms = terms;
    this.accounts = accounts;
    this.lifecycle = lifecycle;
    this.tasks = tasks;
    this.transactions = new TransactionTemplate(txm);
  }

  public synchronized SecondSchool ensure() {
    if (classD != null) {
      return this;
    }
    first.ensure();
    transactions.executeWithoutResult(s -> {
      accounts.ensureUser("tteacher3", "第二校班主任", "pw", Roles.TEACHER);
      accounts.ensureUser("tsupervisor2", "第二校校长", "pw", Roles.SUPERVISOR);
      accounts.ensureUser("tsubject", "测试任课教师", "pw", Roles.SUBJECT_TEACHER);
      accounts.ensureUser("tcounsellor", "测试心理教师", "pw", Roles.COUNSELLOR);
      // helps a child of school 2 in study (ScopeSweepTest), so that no class teacher's view depends on it
      accounts.ensureUser("thelper2", "第二校任课教师", "pw", Roles.TEACHER);
      school = schools.save(new School("第二测试小学", "第二测试镇"));
      teachers.save(new Teacher("tteacher3", "第二校班主任", school, "语文", false));
      teachers.save(new Teacher("thelper2", "第二校任课教师", school, "数学", false));
      teachers.save(new Teacher("tsubject", "测试任课教师", first.classA.getSchool(), "科学", false));
      teachers.save(new Teacher("tcounsellor", "测试心理教师", first.classA.getSchool(), "心理", false));
      classD = classes.save(new SchoolClass(school, CLASS_NAME, 3, "tteacher3"));
      terms.save(new Term(school, "2026年秋季学期", TestSchool.AUTUMN_START, TestSchool.AUTUMN_END));
      accounts.setClassTeacher(classD.getId(), "tteacher3");
      accounts.addToSchool("tsupervisor2", school.getId());
      accounts.addToSchool("tcounsellor", first.classA.getSchool().getId());
    });
    try {
      clockAt(LocalDateTime.of(2026, 9, 7, 9, 0));
      var a = lifecycle.enrol(CHILD_WAITING_FOR_ARCHIVE, classD.getId(), "tsupervisor2");
      archiveCase = a.getId();
      archiveChild = a.getChild().getId();
      var m = lifecycle.enrol(CHILD_WAITING_FOR_MENTOR, classD.getId(), "tsupervisor2");
      mentorCase = m.getId();
      mentorChild = m.getChild().getId();
      Map<String, List<String>> archive = archive("S2-" + mentorCase, "BOTH_AWAY", LocalDate.of(2026, 1, 1));
      archive.put("name", List.of(CHILD_WAITING_FOR_MENTOR));
      first.complete(mentorCase, "registerChild", TestSchool.as("tteacher3", Roles.TEACHER), archive);
      first.complete(mentorCase, "verificationVisit", TestSchool.as("tteacher3", Roles.TEACHER), form("visitDate", "2026-09-07",
          "metWith", "祖母", "homeConditions", "砖房，有书桌", "guardianHealth", "GOOD", "archiveConfirmed", "true"));
      var f = lifecycle.enrol("一校对照", first.classA.getId(), "tcoordinator");
      firstSchoolChild = f.getChild().getId();
      firstSchoolTask = taskOf(f.getId(), "registerChild").getId();
      archiveTask = taskOf(archiveCase, "registerChild").getId();
      mentorTask = taskOf(mentorCase, "assignMentor").getId();
    } finally {
      ClockUtil.reset();
    }
    return this;
  }

  public Task taskOf(long caseId, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(caseId)).taskDefinitionKey(key).singleResult();
  }
}
