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

  public CareCalendar(CareCases cases, CareClock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  /** This calendar month's talk is due on the month's last day (or the term's, when sooner). */
  public Date monthDue(Object caseId) {
    return clock.endOf(TermCalendar.monthDue(clock.today(), term(caseId)));
  }

  public Date nextMonthStart(Object caseId) {
    return clock.startOf(TermCalendar.nextMonthStart(clock.today()));
  }

  public Date weekDue(Object caseId) {
    return clock.endOf(TermCalendar.weekDue(clock.today(), term(caseId)));
  }

  public Date nextWeekStart(Object caseId) {
    return clock.startOf(TermCalendar.nextWeekStart(clock.today()));
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

  private Term term(Object caseId) {
    return cases.termOf(CaseRoles.toLong(caseId));
  }

  LocalDate today() {
    return clock.today();
  }
}
