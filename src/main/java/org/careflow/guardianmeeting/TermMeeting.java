package org.careflow.guardianmeeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.springframework.stereotype.Component;

/**
 * Listener of `child-case` ({@code delegateExpression="${termMeeting}"}) on the case's opening (start
 * event 登记帮扶档案: a registration or a roster import) and on each start of its term of care
 * (sub-process 学期关爱: at eligibility and at every term's start): the case's class then has its
 * guardian meeting for the case's term, started by the first of its cases to open in or enter the term.
 * Reads the case id from the business key.
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
