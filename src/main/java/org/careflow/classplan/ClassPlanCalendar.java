package org.careflow.classplan;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dates and assignee of {@code class-term-papers}' steps (BPMN: {@code ${classPlanCalendar.planStart(execution)}}),
 * from the term calendar: the term is the variable {@code termId} the step {@code findTerm} set, the class the
 * instance's business key.
 */
@Component("classPlanCalendar")
@Transactional(readOnly = true)
public class ClassPlanCalendar {

  private final TermCalendar calendar;
  private final SchoolDirectory schools;
  private final CareClock clock;

  ClassPlanCalendar(TermCalendar calendar, SchoolDirectory schools, CareClock clock) {
    this.calendar = calendar;
    this.schools = schools;
    this.clock = clock;
  }

  /** The term's first day, early in the morning. */
  public Date planStart(Object execution) {
    return morning(term(execution).getStartDate());
  }

  /** The plan is due two weeks into the term (a week from today when the class starts later in the term). */
  public Date planDue(Object execution) {
    LocalDate due = term(execution).getStartDate().plusDays(13);
    LocalDate week = clock.today().plusDays(7);
    return clock.endOf(due.isBefore(week) ? week : due);
  }

  /** Two weeks before the term's last day. */
  public Date summaryStart(Object execution) {
    return morning(term(execution).getEndDate().minusDays(ClassTermPapers.SUMMARY_DAYS_BEFORE_END));
  }

  /** The summary is due on the term's last day. */
  public Date summaryDue(Object execution) {
    LocalDate end = term(execution).getEndDate();
    return clock.endOf(end.isBefore(clock.today()) ? clock.today() : end);
  }

  /** The day after the term's last: the next term is looked for. */
  public Date afterTerm(Object execution) {
    return morning(term(execution).getEndDate().plusDays(1));
  }

  /** No term ahead in the calendar yet: look again in a week. */
  public Date lookAgain(Object execution) {
    return morning(clock.today().plusDays(7));
  }

  public String classTeacherOf(Object execution) {
    return schools.schoolClass(ClassTermPapers.KEYS.idOf(execution)).getClassTeacher();
  }

  private Date morning(LocalDate day) {
    return Date.from(day.atTime(6, 0).atZone(clock.zone()).toInstant());
  }

  private Term term(Object execution) {
    Object id = execution instanceof VariableScope s ? s.getVariable("termId") : execution;
    return calendar.term(Long.parseLong(String.valueOf(id)));
  }
}
