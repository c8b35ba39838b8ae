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

  /** One broken rule: the element, a message code ({@code rules.<code>} in the bundles) and its arguments. */
  public record Violation(String elementId, String code, String rule, Object... args) {
    @Override
    public String toString() {
      return elementId + ": " + rule;
    }
  }

  private static Violation v(String elementId, String code, String rule, Object... args) {
    return new Violation(elementId, code, rule, args);
  }

  /** What a model may refer to: forms, decisions and delegate beans that exist. */
  public interface Catalog {
    boolean hasForm(String formId);

    boolean hasDecision(String decisionKey);

    boolean hasBean(String beanName);
  }

  private ModelRules() {}

  /** The rules against the files of the project: every bean name is taken as existing. */
  public static List<Violation> check(BpmnModelInstance model, Set<String> formIds, Set<String> decisionKeys) {
    return check(model, new Catalog() {
      public boolean hasForm(String formId) {
        return formIds.contains(formId);
      }

      public boolean hasDecision(String decisionKey) {
        return decisionKeys.contains(decisionKey);
      }

      public boolean hasBean(String beanName) {
        return true;
      }
    });
  }

  public static List<Violation> check(BpmnModelInstance model, Catalog catalog) {
    List<Violation> out = new ArrayList<>();
    for (Process p : model.getModelElementsByType(Process.class)) {
      if (!p.isExecutable()) {
        continue;
      }
      if (p.getCamundaHistoryTimeToLiveString() == null || p.getCamundaHistoryTimeToLiveString().isBlank()) {
        out.add(v(p.getId(), "historyTtl", "historyTimeToLive missing"));
      }
    }
    for (UserTask t : model.getModelElementsByType(UserTask.class)) {
      if (blank(t.getCamundaAssignee()) && blank(t.getCamundaCandidateGroups()) && blank(t.getCamundaCandidateUsers())) {
        out.add(v(t.getId(), "noAssignee", "no assignee or candidate groups"));
      }
      if (blank(t.getCamundaDueDate())) {
        out.add(v(t.getId(), "noDueDate", "no due date"));
      }
      String formRef = t.getCamundaFormRef();
      if (blank(formRef)) {
        out.add(v(t.getId(), "noFormRef", "no camunda:formRef"));
      } else if (!catalog.hasForm(formRef)) {
        out.add(v(t.getId(), "unknownForm", "form '" + formRef + "' is not in forms/", formRef));
      }
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      String id = ((org.camunda.bpm.model.bpmn.instance.BaseElement) timer.getParentElement()).getId();
      if (timer.getTimeDate() == null && timer.getTimeDuration() == null && timer.getTimeCycle() == null) {
        out.add(v(id, "timerEmpty", "timer without a date, duration or cycle"));
      } else if (!timerParses(timer)) {
        out.add(v(id, "timerParse", "timer value is neither an expression nor an ISO 8601 date, duration or cycle"));
      }
    }
    for (ServiceTask s : model.getModelElementsByType(ServiceTask.class)) {
      String expr = s.getCamundaDelegateExpression();
      if (blank(expr) || !expr.matches("\\$\\{[a-zA-Z][a-zA-Z0-9]*}")) {
        out.add(v(s.getId(), "delegate", "service task must name a delegate bean: camunda:delegateExpression=\"${bean}\""));
      } else if (!catalog.hasBean(expr.substring(2, expr.length() - 1))) {
        out.add(v(s.getId(), "unknownBean", "delegate bean '" + expr.substring(2, expr.length() - 1) + "' does not exist", expr.substring(2, expr.length() - 1)));
      }
    }
    for (BusinessRuleTask b : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (blank(b.getCamundaDecisionRef()) || !catalog.hasDecision(b.getCamundaDecisionRef())) {
        out.add(v(b.getId(), "unknownDecision", "decision '" + b.getCamundaDecisionRef() + "' is not in processes/", b.getCamundaDecisionRef()));
      }
    }
    return out;
  }

  /** Literal timer values must be ISO 8601 (or cron for cycles); expressions are checked when they run. */
  static boolean timerParses(TimerEventDefinition timer) {
    try {
      if (timer.getTimeDate() != null) {
        String v = timer.getTimeDate().getTextContent().strip();
        if (!v.startsWith("${") && !v.startsWith("#{")) {
          java.time.OffsetDateTime.parse(v.length() == 19 ? v + "Z" : v);
        }
      } else if (timer.getTimeDuration() != null) {
        String v = timer.getTimeDuration().getTextContent().strip();
        if (!v.startsWith("${") && !v.startsWith("#{")) {
          if (v.contains("T") && !v.startsWith("PT") || !v.startsWith("P")) {
            return false;
          }
          if (v.matches("P(\\d+[YMWD])*(T(\\d+[HMS])*)?") && v.length() > 1) {
            return true;
          }
          return false;
        }
      } else {
        String v = timer.getTimeCycle().getTextContent().strip();
        return v.startsWith("${") || v.startsWith("#{") || v.startsWith("R") || v.split(" ").length >= 6;
      }
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
