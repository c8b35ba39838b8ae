package org.careflow.demo;

import java.util.List;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.counselling.Counselling;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolRepository;
import org.careflow.shared.CareClock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One counselling session in the demo school (issue 17): the counsellor 孙敏 saw the first child in care of
 * 三年级(1)班 a week ago and shared a summary with the class teacher. Written once, when the school has no
 * counselling record yet, through the same service the counselling page uses.
 */
@Component
@Profile("demo")
@Order(12)
class DemoCounselling implements ApplicationRunner {

  private final SchoolRepository schools;
  private final SchoolClassRepository classes;
  private final CareCases cases;
  private final Counselling counselling;
  private final CareClock clock;

  DemoCounselling(SchoolRepository schools, SchoolClassRepository classes, CareCases cases, Counselling counselling, CareClock clock) {
    this.schools = schools;
    this.classes = classes;
    this.cases = cases;
    this.counselling = counselling;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    School school = schools.findAll().stream().filter(s -> "青山镇中心小学".equals(s.getName())).findFirst().orElse(null);
    if (school == null) {
      return;
    }
    CurrentUser counsellor = new CurrentUser("counsellor", List.of(Roles.COUNSELLOR, Roles.schoolGroup(school.getId())));
    for (SchoolClass c : classes.findBySchoolIdOrderByGradeAscNameAsc(school.getId())) {
      List<CareCase> open = cases.openCasesOfClass(c.getId());
      if (open.isEmpty()) {
        continue;
      }
      long childId = open.get(0).getChild().getId();
      if (counselling.hasSessions(childId)) {
        return; // seeded before
      }
      counselling.record(childId, counsellor, new Counselling.Entry(clock.today().minusDays(7), "谈心中情绪低落，想念外出打工的妈妈",
          "个别辅导40分钟：倾听、绘画表达，约定每周给妈妈打一次视频电话", "两周后再次辅导；请班主任留意课间情绪",
          "孩子思念母亲，情绪低落，已开始辅导；请多鼓励，安排同伴陪伴。"));
      return;
    }
  }
}
