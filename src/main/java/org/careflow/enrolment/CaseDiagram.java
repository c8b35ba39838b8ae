package org.careflow.enrolment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.careflow.identity.CurrentUser;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.ChildAccess;
import org.careflow.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The diagram of a child's case for the child's page: the model of the version the case runs on, the
 * steps it is waiting in now and the steps it has passed. Engine ids stay inside: the page asks by case.
 */
@RestController
class CaseDiagram {

  record State(List<String> active, List<String> passed) {}

  private final CareCases cases;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;

  CaseDiagram(CareCases cases, RuntimeService runtime, HistoryService history, RepositoryService repository) {
    this.cases = cases;
    this.runtime = runtime;
    this.history = history;
    this.repository = repository;
  }

  private HistoricProcessInstance instance(long caseId, Authentication auth) {
    CareCase c = cases.careCase(caseId);
    if (!ChildAccess.maySee(CurrentUser.of(auth), c.getChild(), cases.casesOfChild(c.getChild().getId()))) {
      throw new NotFoundException("case");
    }
    HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(Long.toString(caseId))
        .processDefinitionKey(ChildCaseProcess.KEY).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("case"));
    return pi;
  }

  @GetMapping(value = "/cases/{caseId}/diagram.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
  @Transactional(readOnly = true)
  ResponseEntity<String> model(@PathVariable long caseId, Authentication auth) throws java.io.IOException {
    HistoricProcessInstance pi = instance(caseId, auth);
    try (var in = repository.getProcessModel(pi.getProcessDefinitionId())) {
      return ResponseEntity.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @GetMapping("/cases/{caseId}/diagram-state")
  @Transactional(readOnly = true)
  State state(@PathVariable long caseId, Authentication auth) {
    HistoricProcessInstance pi = instance(caseId, auth);
    List<String> active = pi.getEndTime() == null ? runtime.getActiveActivityIds(pi.getId()) : List.of();
    List<String> passed = history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).finished().list().stream()
        .map(HistoricActivityInstance::getActivityId).distinct().toList();
    return new State(active, passed);
  }
}
