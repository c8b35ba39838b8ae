package org.careflow.demo;

import java.time.LocalDate;
import java.util.List;
import org.careflow.school.Holiday;
import org.careflow.school.HolidayRepository;
import org.careflow.school.School;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo school's holidays (issue 17): the summer and winter holidays between its terms, entered once after
 * the demo school is seeded (a school whose calendar already has holidays is left alone). The next one, the
 * winter holiday after the autumn term, holds the Spring Festival. Entering them starts their holiday care
 * (holiday.HolidayCares, after the commit), as a coordinator's calendar entry would.
 */
@Component
@Profile("demo")
@Order(11)
class DemoHolidays implements ApplicationRunner {

  private final SchoolRepository schools;
  private final TermRepository terms;
  private final HolidayRepository holidays;

  DemoHolidays(SchoolRepository schools, TermRepository terms, HolidayRepository holidays) {
    this.schools = schools;
    this.terms = terms;
    this.holidays = holidays;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    School school = schools.findAll().stream().filter(s -> "青山镇中心小学".equals(s.getName())).findFirst().orElse(null);
    if (school == null || !holidays.findBySchoolIdOrderByStartDate(school.getId()).isEmpty()) {
      return;
    }
    List<Term> list = terms.findBySchoolIdOrderByStartDate(school.getId());
    for (int i = 0; i + 1 < list.size(); i++) {
      LocalDate start = list.get(i).getEndDate().plusDays(1);
      LocalDate end = list.get(i + 1).getStartDate().minusDays(1);
      if (end.isBefore(start)) {
        continue;
      }
      boolean winter = start.getMonthValue() <= 2 || start.getMonthValue() == 12;
      holidays.save(new Holiday(school, start.getYear() + (winter ? "年寒假" : "年暑假"), start, end));
    }
  }
}
