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
@Transactional(readOnly = true)
public class TermCalendar {

  private final TermRepository terms;

  public TermCalendar(TermRepository terms) {
    this.terms = terms;
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
