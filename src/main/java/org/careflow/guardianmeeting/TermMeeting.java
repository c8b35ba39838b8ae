package org.careflow.guardianmeeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.springframework.stereotype.Component;

/**
 * Start listener of a case's term of care (`child-case`, sub-process 学期关爱:
 * {@code delegateExpression="${termMeeting}"}): the case's class then has its guardian meeting for the
 * case's term, started by the first of its cases to enter the term (at the term's start, or when a case
 * opens later). Reads the case id from the business key.
 */
@Component("termMeeting")
class TermMeeting implements ExecutionListener {

  private final CareCases cases;
  private final GuardianMeetings meetings;

  TermMeeting(CareCases cases, GuardianMeetings meetings) {
    this.cases = cases;
    this.meetings = meetings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CareCase c = cases.careCase(Long.parseLong(execution.getProcessBusinessKey()));
    meetings.ensureForTerm(c.getChild().getSchoolClass().getId(), c.getTermId());
  }
}
