package org.careflow.termreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careflow.child.CareCases;
import org.springframework.stereotype.Component;

/** Moves a continuing case into the school's next term; `hasNextTerm` says whether the calendar had one. */
@Component("nextTermDelegate")
class NextTermDelegate implements JavaDelegate {

  private final CareCases cases;

  NextTermDelegate(CareCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = org.careflow.shared.BusinessKey.of(execution);
    execution.setVariable("hasNextTerm", cases.moveToNextTerm(caseId).isPresent());
  }
}
