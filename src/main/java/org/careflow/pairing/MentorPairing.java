package org.careflow.pairing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careflow.child.CareCases;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a case's mentor work begins (`child-case`): the mentor's weekly check-ins wait at 已结对 until the
 * pairing is made, that is a mentor is assigned and has met the child for the first time. The first
 * meeting's end listener {@code ${mentorPairing.paired(execution)}} sets the flag {@value #FLAG}; the wait's
 * condition {@code ${mentorPairing.met(execution)}} is evaluated when the flag changes and whenever a term's
 * care starts. Both read the case id from the business key.
 */
@Component("mentorPairing")
@Transactional(readOnly = true)
public class MentorPairing {

  /** Process variable: the mentor has met the child (set once, at the first meeting). */
  public static final String FLAG = "mentorPaired";

  private final CareCases cases;
  private final PairingRepository pairings;

  MentorPairing(CareCases cases, PairingRepository pairings) {
    this.cases = cases;
    this.pairings = pairings;
  }

  /** Every mentor assignment as {@link MentorAssigned} tells it (for a read model filled afresh), oldest first. */
  public java.util.List<MentorAssigned> allAssignments() {
    return pairings.allFacts();
  }

  /** How many mentor assignments there are (a read model's check that it is complete). */
  public long assignmentCount() {
    return pairings.count();
  }

  /** Whether the case has its mentor, who has met the child. */
  public boolean met(DelegateExecution execution) {
    return Boolean.TRUE.equals(execution.getVariable(FLAG))
        && cases.careCase(Long.parseLong(execution.getProcessBusinessKey())).getMentor() != null;
  }

  /** Records that the pairing is made: the weekly check-ins start. */
  public void paired(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(FLAG, true);
  }
}
