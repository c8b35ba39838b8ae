package org.careflow.reminders;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.careflow.school.HolidayRepository;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * When a message may go out: not in the quiet hours ({@code careflow.reminders.quiet-hours}, school time), and
 * for a school only on its school days (Monday to Friday, within a term, outside its holidays from the
 * calendar). The morning is the digest's schedule ({@code careflow.digest.cron}).
 */
@Component
class ReminderCalendar {

  private final HolidayRepository holidays;
  private final TermCalendar terms;
  private final CareClock clock;
  private final CronExpression morning;
  private volatile LocalTime quietFrom;
  private volatile LocalTime quietTo;

  ReminderCalendar(HolidayRepository holidays, TermCalendar terms, CareClock clock,
      @Value("${careflow.digest.cron:0 0 7 * * *}") String cron, @Value("${careflow.reminders.quiet-hours:21:00-07:00}") String quiet) {
    this.holidays = holidays;
    this.terms = terms;
    this.clock = clock;
    // "-" (Spring's "disabled"): no scheduled morning run; an administrator can still send now
    this.morning = cron == null || cron.isBlank() || "-".equals(cron.strip()) ? null : CronExpression.parse(cron);
    setQuietHours(quiet);
  }

  /** "21:00-07:00" (over midnight) or "12:00-14:00"; empty: none. */
  void setQuietHours(String quiet) {
    if (quiet == null || quiet.isBlank()) {
      quietFrom = null;
      quietTo = null;
      return;
    }
    String[] parts = quiet.strip().split("-");
    quietFrom = LocalTime.parse(parts[0].strip());
    quietTo = LocalTime.parse(parts[1].strip());
  }

  boolean quiet(Instant at) {
    LocalTime from = quietFrom;
    LocalTime to = quietTo;
    if (from == null) {
      return false;
    }
    LocalTime t = LocalTime.ofInstant(at, clock.zone());
    return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
  }

  boolean schoolDay(long schoolId, LocalDate day) {
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return false;
    }
    try {
      terms.termOn(schoolId, day);
    } catch (TermCalendar.NoTermException e) {
      return false;
    }
    return holidays.findBySchoolIdOrderByStartDate(schoolId).stream()
        .noneMatch(h -> !day.isBefore(h.getStartDate()) && !day.isAfter(h.getEndDate()));
  }

  /** A message for a school (null: none in particular) may go out now. */
  boolean mayNotify(Long schoolId, Instant at) {
    return !quiet(at) && (schoolId == null || schoolDay(schoolId, LocalDate.ofInstant(at, clock.zone())));
  }

  /** When the morning messages of this day are due (the digest's schedule); null when there is no schedule. */
  Instant morningOf(LocalDate day) {
    if (morning == null) {
      return null;
    }
    ZonedDateTime next = morning.next(day.atStartOfDay(clock.zone()).minusSeconds(1));
    return next == null || !next.toLocalDate().equals(day) ? null : next.toInstant();
  }
}
