package org.careflow.child;

import java.time.LocalDate;
import java.util.Date;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Due dates and timer dates of a case, from its school's term calendar (BPMN:
 * {@code ${careCalendar.monthDue(execution)}}). Tasks are due at the end of their day.
 */
@Component("careCalendar")
@Transactional(readOnly = true)
public class CareCalendar {

  private final CareCases cases;
  private final CareClock clock;
  private final TermCalendar calendar;

  public CareCalendar(CareCases cases, CareClock clock, TermCalendar calendar) {
    this.cases = cases;
    this.clock = clock;
    this.calendar = calendar;
  }

  /**
   * This calendar month's talk is due on the month's last day (or the term's, when sooner); when that
   * day is in a holiday, on the last school day before the holiday (talks pause in the holidays).
   */
  public Date monthDue(Object caseId) {
    Term term = term(caseId);
    return clock.endOf(beforeHoliday(term, TermCalendar.monthDue(clock.today(), term)));
  }

  /**
   * The next calendar month's first day; when that is in a holiday, the first day after it: the talks
   * paused in a holiday resume when school does (a holiday past the term's end: at the next term's start).
   */
  public Date nextMonthStart(Object caseId) {
    return clock.startOf(afterHoliday(term(caseId), TermCalendar.nextMonthStart(clock.today())));
  }

  public Date weekDue(Object caseId) {
    Term term = term(caseId);
    return clock.endOf(beforeHoliday(term, TermCalendar.weekDue(clock.today(), term)));
  }

  /** Next Monday, or the first day after the holiday it falls in. */
  public Date nextWeekStart(Object caseId) {
    return clock.startOf(afterHoliday(term(caseId), TermCalendar.nextWeekStart(clock.today())));
  }

  /** A due day in a holiday moves to the last school day before it, never before today. */
  private LocalDate beforeHoliday(Term term, LocalDate due) {
    java.util.List<org.careflow.school.Holiday> holidays = calendar.cachedHolidays(term.getSchool().getId());
    if (holidays.isEmpty()) {
      return due;
    }
    LocalDate before = TermCalendar.lastDayOutside(holidays, due);
    if (!before.isBefore(clock.today())) {
      return before;
    }
    // today itself is in the holiday and no school day is left before the due day: the first day after it
    LocalDate after = TermCalendar.firstDayOutside(holidays, due);
    return after.isAfter(term.getEndDate()) || !java.time.YearMonth.from(after).equals(java.time.YearMonth.from(due)) ? due : after;
  }

  private LocalDate afterHoliday(Term term, LocalDate day) {
    return TermCalendar.firstDayOutside(calendar.cachedHolidays(term.getSchool().getId()), day);
  }

  /** The term review starts the morning after the term's last day. */
  public Date termEnd(Object caseId) {
    return clock.startOf(term(caseId).getEndDate().plusDays(1));
  }

  public Date termStart(Object caseId) {
    return clock.startOf(term(caseId).getStartDate());
  }

  /** Whether today is still inside the case's term: the monthly and weekly loops stop after it. */
  public boolean inTerm(Object caseId) {
    return !clock.today().isAfter(term(caseId).getEndDate());
  }

  /** A due date some days from now, at the end of that day. */
  public Date inDays(int days) {
    return clock.endOf(clock.today().plusDays(days));
  }

  /** The case's term, its dates from the calendar cache (the case itself from the transaction's persistence context). */
  private Term term(Object caseId) {
    return calendar.cachedTerm(cases.careCase(CaseRoles.toLong(caseId)).getTermId());
  }

  LocalDate today() {
    return clock.today();
  }
}
