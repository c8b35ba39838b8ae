package org.careflow.holiday;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.school.ClassRoles;
import org.careflow.school.Holiday;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dates and the people of a holiday's care (BPMN: {@code ${holidayCalendar.noticeAt(execution)}}; the care
 * is the instance's business key {@code holiday-<id>}). All dates come from the holiday in the school's
 * calendar, read when the timer or task is created:
 * <ul>
 *   <li>the safety letters and the Spring Festival meeting reach the class teacher
 *       {@code careflow.holiday.notice-days} (7) days before the holiday; the letters are due the day before it;</li>
 *   <li>a long holiday (寒假 or 暑假 by name, or three weeks or more) asks each mentor to call or visit each
 *       mentee in its middle week: the task comes three days before the middle day and is due four days after;</li>
 *   <li>the Spring Festival meeting is due a week after the festival (never after the holiday's end).</li>
 * </ul>
 */
@Component("holidayCalendar")
@Transactional(readOnly = true)
public class HolidayCalendar {

  static final int LONG_HOLIDAY_DAYS = 21;

  private final HolidayCareRepository cares;
  private final TermCalendar calendar;
  private final CareCases cases;
  private final ClassRoles classRoles;
  private final CareClock clock;
  private final int noticeDays;

  HolidayCalendar(HolidayCareRepository cares, TermCalendar calendar, CareCases cases, ClassRoles classRoles, CareClock clock,
      @Value("${careflow.holiday.notice-days:7}") int noticeDays) {
    this.cares = cares;
    this.calendar = calendar;
    this.cases = cases;
    this.classRoles = classRoles;
    this.clock = clock;
    this.noticeDays = noticeDays;
  }

  /** The day the class teacher's tasks come: {@code notice-days} before the holiday (today when that is past). */
  public Date noticeAt(Object execution) {
    return clock.startOf(notNow(holiday(execution).getStartDate().minusDays(noticeDays)));
  }

  /** The letters are back the school day before the holiday. */
  public Date letterDue(Object execution) {
    return clock.endOf(notNow(holiday(execution).getStartDate().minusDays(1)));
  }

  public boolean longHoliday(Object execution) {
    return isLong(holiday(execution));
  }

  public Date midHoliday(Object execution) {
    return clock.startOf(notNow(middle(holiday(execution)).minusDays(3)));
  }

  public Date contactDue(Object execution) {
    Holiday h = holiday(execution);
    LocalDate due = middle(h).plusDays(4);
    return clock.endOf(notNow(due.isAfter(h.getEndDate()) ? h.getEndDate() : due));
  }

  public boolean springFestival(Object execution) {
    return festivalOf(holiday(execution)).isPresent();
  }

  public Date festivalMeetingDue(Object execution) {
    Holiday h = holiday(execution);
    LocalDate due = festivalOf(h).map(d -> d.plusDays(7)).orElse(h.getEndDate());
    return clock.endOf(notNow(due.isAfter(h.getEndDate()) ? h.getEndDate() : due));
  }

  /** The class teacher of the care's class, read when the task is created. */
  public String classTeacherOf(Object execution) {
    return classRoles.classTeacherOf(care(execution).getClassId());
  }

  /** The mentors of the class's children in care, one task each. */
  public List<String> mentorsOf(Object execution) {
    return cases.openCasesOfClass(care(execution).getClassId()).stream().map(CareCase::getMentor)
        .filter(m -> m != null && !m.isBlank()).distinct().sorted().toList();
  }

  static boolean isLong(Holiday h) {
    return h.getName().contains("寒假") || h.getName().contains("暑假") || h.days() >= LONG_HOLIDAY_DAYS;
  }

  /** The winter holiday that holds the Spring Festival (or a holiday named after it). */
  static Optional<LocalDate> festivalOf(Holiday h) {
    Optional<LocalDate> d = SpringFestival.between(h.getStartDate(), h.getEndDate());
    if (d.isEmpty() && h.getName().contains("春节")) {
      return Optional.of(h.getStartDate());
    }
    return d;
  }

  static LocalDate middle(Holiday h) {
    return h.getStartDate().plusDays(h.days() / 2);
  }

  private LocalDate notNow(LocalDate d) {
    return d.isBefore(clock.today()) ? clock.today() : d;
  }

  HolidayCare care(Object execution) {
    String key = org.careflow.shared.BusinessKey.keyOf(execution);
    Long id = HolidayCare.idOf(key);
    if (id == null) {
      throw new IllegalStateException("not a holiday's care: " + key);
    }
    return cares.findById(id).orElseThrow(() -> new IllegalStateException("no holiday care " + key));
  }

  Holiday holiday(Object execution) {
    long id = care(execution).getHolidayId();
    return calendar.holiday(id).orElseThrow(() -> new IllegalStateException("no holiday " + id));
  }
}
