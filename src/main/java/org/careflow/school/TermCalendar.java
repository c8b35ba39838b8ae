package org.careflow.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school calendar: terms, calendar months and school weeks. The processes' timers and due dates
 * come from here, never from fixed durations, so that "one talk every calendar month" and "a review
 * at the end of the term" mean what the school means.
 */
@Service
// A day without a term is an answer, not a failure: NoTermException must not mark the caller's transaction
// rollback-only (a timer job that asks about a day past the calendar's last term catches it and goes on).
@Transactional(readOnly = true, noRollbackFor = TermCalendar.NoTermException.class)
public class TermCalendar {

  private final TermRepository terms;
  private final HolidayRepository holidays;

  public TermCalendar(TermRepository terms, HolidayRepository holidays) {
    this.terms = terms;
    this.holidays = holidays;
  }

  /** A school's holidays (寒假, 暑假, 国庆 …) in date order, as the set-up pages and the workbook enter them. */
  public java.util.List<Holiday> holidays(long schoolId) {
    return holidays.findBySchoolIdOrderByStartDate(schoolId);
  }

  /**
   * A school's holidays for date arithmetic (due dates, timers): copies, read from a cache that any change
   * of a holiday clears ({@link CalendarChanges}); never to be changed or saved.
   */
  @org.springframework.cache.annotation.Cacheable(cacheNames = org.careflow.shared.Caches.HOLIDAYS, key = "#schoolId")
  public java.util.List<Holiday> cachedHolidays(long schoolId) {
    return holidays(schoolId).stream().map(h -> new Holiday(h.getSchool(), h.getName(), h.getStartDate(), h.getEndDate())).toList();
  }

  /** A term's dates for date arithmetic: a copy (no id), read from a cache that any change of a term clears; never to be saved. */
  @org.springframework.cache.annotation.Cacheable(cacheNames = org.careflow.shared.Caches.TERMS, key = "#termId")
  public Term cachedTerm(long termId) {
    Term t = term(termId);
    Term copy = new Term(t.getSchool(), t.getName(), t.getStartDate(), t.getEndDate());
    copy.chooseMeetingWeek(Math.min(t.getMeetingWeek(), copy.weeks()));
    return copy;
  }

  public Optional<Holiday> holiday(long holidayId) {
    return holidays.findById(holidayId);
  }

  /** Every school's holidays that have not ended by this day (the ones holiday care may still look after). */
  public java.util.List<Holiday> holidaysNotEndedBy(LocalDate day) {
    return holidays.findByEndDateGreaterThanEqualOrderByStartDate(day);
  }

  /** The school's holiday a day falls in, if any. */
  public Optional<Holiday> holidayOn(long schoolId, LocalDate day) {
    return holidays(schoolId).stream().filter(h -> h.contains(day)).findFirst();
  }

  /**
   * The first day on or after this one that is no holiday of the school: talks and check-ins paused in a
   * holiday resume then (holidays that follow each other are skipped together).
   */
  public static LocalDate firstDayOutside(java.util.List<Holiday> holidays, LocalDate day) {
    LocalDate d = day;
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Holiday h : holidays) {
        if (h.contains(d)) {
          d = h.getEndDate().plusDays(1);
          moved = true;
        }
      }
    }
    return d;
  }

  /** The last day on or before this one that is no holiday of the school. */
  public static LocalDate lastDayOutside(java.util.List<Holiday> holidays, LocalDate day) {
    LocalDate d = day;
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Holiday h : holidays) {
        if (h.contains(d)) {
          d = h.getStartDate().minusDays(1);
          moved = true;
        }
      }
    }
    return d;
  }

  /** Whether some day from {@code first} to {@code last} (both included) is in no holiday. */
  public static boolean hasDayOutside(java.util.List<Holiday> holidays, LocalDate first, LocalDate last) {
    return !first.isAfter(last) && !firstDayOutside(holidays, first).isAfter(last);
  }

  /** The term a school is in on a day, or the next one when the day falls in a holiday. */
  public Term termOn(long schoolId, LocalDate day) {
    return terms.findContaining(schoolId, day)
        .or(() -> terms.findFirstBySchoolIdAndStartDateAfterOrderByStartDate(schoolId, day))
        .orElseThrow(() -> new NoTermException(schoolId, day));
  }

  /** A school's terms, oldest first. */
  public java.util.List<Term> termsOf(long schoolId) {
    return terms.findBySchoolIdOrderByStartDate(schoolId);
  }

  /**
   * The terms that have begun by a day, of the given schools ({@code null}: of every school), the latest
   * first (and by id among those that begin on the same day).
   */
  public java.util.List<Term> termsBegunBy(LocalDate day, java.util.Collection<Long> schoolIdsOrAll) {
    java.util.List<Term> found = schoolIdsOrAll == null ? terms.findByStartDateLessThanEqual(day)
        : schoolIdsOrAll.isEmpty() ? java.util.List.of() : terms.findBySchoolIdInAndStartDateLessThanEqual(schoolIdsOrAll, day);
    return found.stream().sorted(java.util.Comparator.comparing(Term::getStartDate).reversed().thenComparing(Term::getId)).toList();
  }

  public Optional<Term> termAfter(Term term) {
    return terms.findFirstBySchoolIdAndStartDateAfterOrderByStartDate(term.getSchool().getId(), term.getEndDate());
  }

  /**
   * The coordinator chooses the week of the term its guardian meetings fall in (1 = the week the term
   * starts in); a meeting's planning task is then due in that week.
   */
  @Transactional
  public void setMeetingWeek(long termId, int week) {
    Term term = term(termId);
    if (week < 1 || week > term.weeks()) {
      throw org.careflow.shared.InvalidInputException.of("meetingWeek", "validation.meetingWeek", term.weeks());
    }
    term.chooseMeetingWeek(week);
  }

  /** The Monday of the week the term's guardian meetings are due in. */
  public static LocalDate meetingWeekStart(Term term) {
    return term.weekStart(Math.min(term.getMeetingWeek(), term.weeks()));
  }

  public Optional<Term> findTerm(long termId) {
    return terms.findById(termId);
  }

  public Term term(long termId) {
    return terms.findById(termId).orElseThrow(() -> new IllegalArgumentException("no term " + termId));
  }

  /** The day a month's obligations fall due: the month's last day, or the term's when it ends first. */
  public static LocalDate monthDue(LocalDate day, Term term) {
    LocalDate monthEnd = day.with(TemporalAdjusters.lastDayOfMonth());
    return monthEnd.isAfter(term.getEndDate()) ? term.getEndDate() : monthEnd;
  }

  public static LocalDate nextMonthStart(LocalDate day) {
    return day.with(TemporalAdjusters.firstDayOfNextMonth());
  }

  /** School weeks run Monday to Sunday; a week's check-in is due on its Sunday (or the term's end). */
  public static LocalDate weekDue(LocalDate day, Term term) {
    LocalDate sunday = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    return sunday.isAfter(term.getEndDate()) ? term.getEndDate() : sunday;
  }

  public static LocalDate nextWeekStart(LocalDate day) {
    return day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
  }

  /** Raised when a school has no term for a day: the coordinator must enter the term calendar first. */
  public static class NoTermException extends RuntimeException {
    public NoTermException(long schoolId, LocalDate day) {
      super("school " + schoolId + " has no term on or after " + day + ": enter the term calendar first");
    }
  }
}
