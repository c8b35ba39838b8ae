package org.careflow.guardianmeeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * One absent guardian: tells that child's case (message `guardianAbsent`, correlated by the case id as
 * business key), which gives the class teacher a home-visit task. A case closed meanwhile has no
 * process to tell, and nothing happens.
 */
@Component("absenteeVisitDelegate")
class AbsenteeVisitDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object caseId = execution.getVariable("absentCaseId");
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(org.careflow.shared.CaseProcesses.MESSAGE_GUARDIAN_ABSENT)
        .processInstanceBusinessKey(caseId.toString())
        .correlateAll();
  }
}
