package org.careflow.demo;

import static org.careflow.demo.DemoSchool.PASSWORD;

import java.time.LocalDate;
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
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo school's staff with their accounts (password {@link DemoSchool#PASSWORD}), its two classes
 * and its terms around today: what {@link DemoSchool} replays the term in. Runs inside its transaction.
 */
@Component
@Profile("demo")
class DemoStaffAndTerms {

  record Staffed(School school, SchoolClass classA, SchoolClass classB) {}

  record Terms(Term previous, Term current) {}

  private final SchoolRepository schools;
  private final SchoolClassRepository classes;
  private final TeacherRepository teachers;
  private final TermRepository terms;
  private final Accounts accounts;

  DemoStaffAndTerms(SchoolRepository schools, SchoolClassRepository classes, TeacherRepository teachers, TermRepository terms,
      Accounts accounts) {
    this.schools = schools;
    this.classes = classes;
    this.teachers = teachers;
    this.terms = terms;
    this.accounts = accounts;
  }

  Staffed people() {
    accounts.ensureRoleGroups();
    accounts.ensureUser("teacher", "李秀英", PASSWORD, Roles.TEACHER);
    accounts.ensureUser("teacher2", "王建国", PASSWORD, Roles.TEACHER);
    accounts.ensureUser("mentor", "张丽", PASSWORD, Roles.MENTOR);
    accounts.ensureUser("mentor2", "陈志强", PASSWORD, Roles.MENTOR);
    accounts.ensureUser("mentor3", "刘芳", PASSWORD, Roles.MENTOR);
    accounts.ensureUser("coordinator", "赵德明", PASSWORD, Roles.COORDINATOR);
    accounts.ensureUser("supervisor", "周校长", PASSWORD, Roles.SUPERVISOR);
    accounts.ensureUser("counsellor", "孙敏", PASSWORD, Roles.COUNSELLOR);
    accounts.ensureUser("admin", "系统管理员", PASSWORD, Roles.ADMIN);

    School school = schools.save(new School("青山镇中心小学", "青山镇"));
    teachers.save(new Teacher("teacher", "李秀英", school, "语文", false));
    teachers.save(new Teacher("teacher2", "王建国", school, "数学", false));
    teachers.save(new Teacher("mentor", "张丽", school, "英语", true));
    teachers.save(new Teacher("mentor2", "陈志强", school, "体育", true));
    teachers.save(new Teacher("mentor3", "刘芳", school, "音乐", true));
    teachers.save(new Teacher("coordinator", "赵德明", school, null, false));
    teachers.save(new Teacher("counsellor", "孙敏", school, "心理健康", false));
    SchoolClass classA = classes.save(new SchoolClass(school, "三年级(1)班", 3, "teacher"));
    SchoolClass classB = classes.save(new SchoolClass(school, "四年级(2)班", 4, "teacher2"));
    // scope (docs/ARCHITECTURE.md): each class's group holds its teacher; the coordinator and the
    // principal look after this school
    accounts.setClassTeacher(classA.getId(), "teacher");
    accounts.setClassTeacher(classB.getId(), "teacher2");
    accounts.addToSchool("coordinator", school.getId());
    accounts.addToSchool("supervisor", school.getId());
    accounts.addToSchool("counsellor", school.getId());
    return new Staffed(school, classA, classB);
  }

  /** Terms around today: autumn runs 1 Sep to 20 Jan, spring 24 Feb to 4 Jul. */
  Terms calendar(School school, LocalDate today) {
    int y = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1; // the autumn term's year
    Term springBefore = terms.save(new Term(school, y + "年春季学期", LocalDate.of(y, 2, 24), LocalDate.of(y, 7, 4)));
    Term autumn = terms.save(new Term(school, y + "年秋季学期", LocalDate.of(y, 9, 1), LocalDate.of(y + 1, 1, 20)));
    Term spring = terms.save(new Term(school, (y + 1) + "年春季学期", LocalDate.of(y + 1, 2, 24), LocalDate.of(y + 1, 7, 4)));
    terms.save(new Term(school, (y + 1) + "年秋季学期", LocalDate.of(y + 1, 9, 1), LocalDate.of(y + 2, 1, 20)));
    boolean inSpring = spring.contains(today) || today.isAfter(spring.getEndDate());
    return new Terms(inSpring ? autumn : springBefore, inSpring ? spring : autumn);
  }
}
