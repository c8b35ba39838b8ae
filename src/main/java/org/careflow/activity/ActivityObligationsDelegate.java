package org.careflow.activity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${activityObligations}}: reads the decision for the class and hands the new obligations to the task. */
@Component("activityObligations")
class ActivityObligationsDelegate implements JavaDelegate {

  private final ObligationDecision decision;

  ActivityObligationsDelegate(ObligationDecision decision) {
    this.decision = decision;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ClassActivitiesProcess.VAR_OBLIGATION_IDS, decision.raise(ClassActivities.KEYS.idOf(execution)));
  }
}
