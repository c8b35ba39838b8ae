package org.careflow.support;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.ChildAccess;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A teacher asks for an individual support plan from the child's page: the case's `planRequested`
 * flag is set, and the case's conditional event starts `support-plan` (the same path as a high risk).
 */
@Controller
class SupportPlanRequests {

  private final CareCases cases;
  private final SupportPlans plans;
  private final RuntimeService runtime;
  private final Audit audit;

  SupportPlanRequests(CareCases cases, SupportPlans plans, RuntimeService runtime, Audit audit) {
    this.cases = cases;
    this.plans = plans;
    this.runtime = runtime;
    this.audit = audit;
  }

  @PostMapping("/cases/{caseId}/support-plan")
  @Transactional
  String request(@PathVariable long caseId, Authentication auth) {
    CareCase c = cases.careCase(caseId);
    CurrentUser u = CurrentUser.of(auth);
    if (!ChildAccess.maySee(u, c.getChild(), List.of(c))) {
      throw new NotFoundException("case");
    }
    request(caseId, "TEACHER_REQUEST");
    audit.change(u.id(), Audit.RECORD, c.getChild().getId(), caseId, "support plan requested");
    return "redirect:/children/" + c.getChild().getId();
  }

  /** Starts a plan for the case, unless one runs or the case's process no longer runs. */
  @Transactional
  public void request(long caseId, String reason) {
    if (plans.isRunning(caseId)) {
      throw InvalidInputException.of("plan", "support.alreadyRunning");
    }
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(org.careflow.shared.CaseProcesses.CHILD_CASE)
        .processInstanceBusinessKey(Long.toString(caseId)).singleResult();
    if (pi == null) {
      throw InvalidInputException.of("plan", "support.caseNotRunning");
    }
    runtime.setVariable(pi.getId(), "planReason", reason);
    runtime.setVariable(pi.getId(), "planRequested", true);
  }
}
