package org.careflow.demo;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careflow.carers.Carer;
import org.careflow.carers.CarerAssignments;
import org.careflow.carers.CarerVisits;
import org.careflow.carers.Carers;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.identity.Accounts;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.careflow.school.Term;
import org.careflow.shared.CareClock;
import org.careflow.studyhelp.ProgressFile;
import org.careflow.studyhelp.StudyBuddies;
import org.careflow.studyhelp.StudyHelpPlans;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo school's study help and carers (issue 17): the subject teacher {@code subject} (王海燕, 数学, helps two
 * children of class A in study and mentors nobody), the plans with progress entries and one checked effect, a
 * study buddy, and a volunteer (爱心妈妈) who looks after one child, with one visit recorded by the class teacher.
 * Written through the same services as the pages, on a day of the current term.
 */
@Component
@Profile("demo")
class DemoStudyHelp {

  private final Accounts accounts;
  private final TeacherRepository teachers;
  private final CareCases cases;
  private final StudyHelpPlans plans;
  private final ProgressFile progress;
  private final StudyBuddies buddies;
  private final Carers carers;
  private final CarerAssignments carerAssignments;
  private final CarerVisits carerVisits;
  private final CareClock clock;

  DemoStudyHelp(Accounts accounts, TeacherRepository teachers, CareCases cases, StudyHelpPlans plans, ProgressFile progress,
      StudyBuddies buddies, Carers carers, CarerAssignments carerAssignments, CarerVisits carerVisits, CareClock clock) {
    this.accounts = accounts;
    this.teachers = teachers;
    this.cases = cases;
    this.plans = plans;
    this.progress = progress;
    this.buddies = buddies;
    this.carers = carers;
    this.carerAssignments = carerAssignments;
    this.carerVisits = carerVisits;
    this.clock = clock;
  }

  void seed(School school, SchoolClass classA, Term term, List<DemoChild> kids, LocalDate today) {
    LocalDate day = today.minusDays(1).isAfter(term.getEndDate()) ? term.getEndDate() : today.minusDays(1);
    if (day.isBefore(term.getStartDate())) {
      return; // no day of the term has passed yet
    }
    ClockUtil.setCurrentTime(Date.from(day.atTime(15, 0).atZone(clock.zone()).toInstant()));
    accounts.ensureUser("subject", "王海燕", DemoSchool.PASSWORD, Roles.SUBJECT_TEACHER);
    teachers.save(new Teacher("subject", "王海燕", school, "数学", false));
    List<Long> inCare = kids.stream().filter(k -> k.classId == classA.getId() && k.caseId != null)
        .map(k -> cases.careCase(k.caseId)).filter(CareCase::isOpen).map(c -> c.getChild().getId()).distinct().toList();
    if (inCare.size() < 3) {
      return;
    }
    CurrentUser coordinator = new CurrentUser("coordinator", List.of(Roles.COORDINATOR, Roles.schoolGroup(school.getId())));
    CurrentUser teacher = new CurrentUser(classA.getClassTeacher(), List.of(Roles.TEACHER, Roles.classGroup(classA.getId())));
    CurrentUser subject = new CurrentUser("subject", List.of(Roles.SUBJECT_TEACHER));

    long maths = plans.plan(coordinator, inCare.get(0), new StudyHelpPlans.PlanForm("subject", "数学",
        "每周二、四课后30分钟", "计算题练习，错题订正，应用题读题方法", "期末数学达到及格，能独立完成作业")).getId();
    progress.progress(subject, maths, day.minusDays(20), "口算正确率从六成提高到八成");
    progress.progress(subject, maths, day.minusDays(6), "能独立订正错题，作业按时交");
    progress.checkEffect(subject, maths, "SOME", "计算进步明显，应用题还需加强");
    long reading = plans.plan(teacher, inCare.get(1), new StudyHelpPlans.PlanForm("subject", "数学",
        "每周三午休20分钟", "乘法口诀背诵，竖式计算", "熟练掌握乘法口诀")).getId();
    progress.progress(subject, reading, day.minusDays(3), "乘法口诀能背到七的一遍");
    buddies.chooseBuddy(teacher, inCare.get(0), inCare.get(2));

    Carer volunteer = carers.save(coordinator, null, new Carers.Form(school.getId(), "周桂兰", "13907311234", "LOVING_MOTHER",
        "WOMENS_FEDERATION", "村妇代会主任，住在孩子家附近"));
    carerAssignments.assign(teacher, volunteer.getId(), inCare.get(1));
    carerVisits.recordContact(teacher, inCare.get(1), volunteer.getId(), day.minusDays(2), "VISIT", "周末上门看望，帮着检查作业，孩子情绪不错");
  }
}
