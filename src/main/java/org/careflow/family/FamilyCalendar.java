package org.careflow.family;

import java.time.LocalDate;
import java.util.Date;
import org.careflow.child.CareCases;
import org.careflow.school.Term;
import org.careflow.shared.CareClock;
import org.careflow.talk.HomeVisits;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dates of `family-ties` (BPMN: {@code ${familyCalendar.quarterDue(execution)}}): calendar quarters
 * (January–March, April–June, July–September, October–December) for the home visit every quarter
 * (每季一访), cut at the term's end, and the term's letter.
 */
@Component("familyCalendar")
@Transactional(readOnly = true)
public class FamilyCalendar {

  private final CareCases cases;
  private final HomeVisits visits;
  private final CareClock clock;

  FamilyCalendar(CareCases cases, HomeVisits visits, CareClock clock) {
    this.cases = cases;
    this.visits = visits;
    this.clock = clock;
  }

  static LocalDate quarterStart(LocalDate day) {
    return LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
  }

  static LocalDate quarterEnd(LocalDate day) {
    return quarterStart(day).plusMonths(3).minusDays(1);
  }

  /** The quarter's visit is due on the quarter's last day, or the term's when sooner. */
  public Date quarterDue(Object caseId) {
    LocalDate end = quarterEnd(clock.today());
    LocalDate termEnd = term(caseId).getEndDate();
    return clock.endOf(termEnd.isBefore(end) ? termEnd : end);
  }

  public Date nextQuarterStart(Object caseId) {
    return clock.startOf(quarterEnd(clock.today()).plusDays(1));
  }

  /** A quarter's visit is not asked for in the last weeks of a term; the next term's part of the quarter asks for it. */
  static final int LAST_WEEKS_OF_TERM = 4;

  /**
   * No visit needed this quarter: one was made already (verification, after a missed meeting, or the
   * quarter's own), or the term ends within {@value #LAST_WEEKS_OF_TERM} weeks (January's end of the
   * autumn term: the spring term asks for January–March's visit).
   */
  public boolean noVisitNeeded(Object caseId) {
    LocalDate today = clock.today();
    if (!term(caseId).getEndDate().isAfter(today.plusWeeks(LAST_WEEKS_OF_TERM))) {
      return true;
    }
    return visits.visitedBetween(ParentContact.toLong(caseId), quarterStart(today), today);
  }

  /** The term's letter is due two weeks before the term ends, but never within a week from now. */
  public Date letterDue(Object caseId) {
    LocalDate due = term(caseId).getEndDate().minusWeeks(2);
    LocalDate earliest = clock.today().plusWeeks(1);
    return clock.endOf(due.isBefore(earliest) ? earliest : due);
  }

  /** Whether today is still inside the case's term: the monthly and quarterly loops stop after it. */
  public boolean inTerm(Object caseId) {
    return !clock.today().isAfter(term(caseId).getEndDate());
  }

  private Term term(Object caseId) {
    return cases.termOf(ParentContact.toLong(caseId));
  }
}
