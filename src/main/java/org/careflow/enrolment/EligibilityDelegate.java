package org.careflow.enrolment;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careflow.child.CareCases;
import org.springframework.stereotype.Component;

/** Writes the `eligibility` decision into the case and leaves the routing flag `eligible`. */
@Component("eligibilityDelegate")
class EligibilityDelegate implements JavaDelegate {

  private final CareCases cases;

  EligibilityDelegate(CareCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = ((Number) execution.getVariable(ChildCaseProcess.VAR_CASE_ID)).longValue();
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) execution.getVariable("eligibility");
    boolean eligible = Boolean.TRUE.equals(result.get("eligible"));
    cases.decideEligibility(caseId, eligible, (String) result.get("reason"));
    if (eligible) {
      cases.activate(caseId);
    }
    execution.setVariable("eligible", eligible);
  }
}
