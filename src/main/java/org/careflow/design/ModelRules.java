package org.careflow.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The project's rules for a process model, checked on the files in processes/ by a test and meant for
 * every deployment path: a history time to live; every user task with someone to do it, a due date
 * and a form from forms/; timers that say when; service tasks calling a delegate bean; business rule
 * tasks naming a known decision.
 */
public final class ModelRules {

  public record Violation(String elementId, String rule) {
    @Override
    public String toString() {
      return elementId + ": " + rule;
    }
  }

  private ModelRules() {}

  public static List<Violation> check(BpmnModelInstance model, Set<String> formIds, Set<String> decisionKeys) {
    List<Violation> out = new ArrayList<>();
    for (Process p : model.getModelElementsByType(Process.class)) {
      if (!p.isExecutable()) {
        continue;
      }
      if (p.getCamundaHistoryTimeToLiveString() == null || p.getCamundaHistoryTimeToLiveString().isBlank()) {
        out.add(new Violation(p.getId(), "historyTimeToLive missing"));
      }
    }
    for (UserTask t : model.getModelElementsByType(UserTask.class)) {
      if (blank(t.getCamundaAssignee()) && blank(t.getCamundaCandidateGroups()) && blank(t.getCamundaCandidateUsers())) {
        out.add(new Violation(t.getId(), "no assignee or candidate groups"));
      }
      if (blank(t.getCamundaDueDate())) {
        out.add(new Violation(t.getId(), "no due date"));
      }
      String formRef = t.getCamundaFormRef();
      if (blank(formRef)) {
        out.add(new Violation(t.getId(), "no camunda:formRef"));
      } else if (!formIds.contains(formRef)) {
        out.add(new Violation(t.getId(), "form '" + formRef + "' is not in forms/"));
      }
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      String id = ((org.camunda.bpm.model.bpmn.instance.BaseElement) timer.getParentElement()).getId();
      if (timer.getTimeDate() == null && timer.getTimeDuration() == null && timer.getTimeCycle() == null) {
        out.add(new Violation(id, "timer without a date, duration or cycle"));
      }
    }
    for (ServiceTask s : model.getModelElementsByType(ServiceTask.class)) {
      String expr = s.getCamundaDelegateExpression();
      if (blank(expr) || !expr.matches("\\$\\{[a-zA-Z][a-zA-Z0-9]*}")) {
        out.add(new Violation(s.getId(), "service task must name a delegate bean: camunda:delegateExpression=\"${bean}\""));
      }
    }
    for (BusinessRuleTask b : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (blank(b.getCamundaDecisionRef()) || !decisionKeys.contains(b.getCamundaDecisionRef())) {
        out.add(new Violation(b.getId(), "decision '" + b.getCamundaDecisionRef() + "' is not in processes/"));
      }
    }
    return out;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
