package org.careflow.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.DomElement;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What changed between two versions of a process, element by element, as a coordinator reads it:
 * steps added, removed, and changed (name, who does it, due date, form, timer, condition, wiring);
 * likewise the rules of a decision and the fields of a form.
 */
public final class ModelDiff {

  public enum Kind { ADDED, REMOVED, CHANGED }

  public record Change(Kind kind, String elementId, String type, String name, List<String> details) {}

  private ModelDiff() {}

  public static List<Change> between(BpmnModelInstance before, BpmnModelInstance after) {
    return compare(describe(before), describe(after));
  }

  /** Decisions: each decision, input, output and rule by id (a rule's cells read "when → then"). */
  public static List<Change> decisions(DmnModelInstance before, DmnModelInstance after) {
    return compare(describe(before), describe(after));
  }

  /** Camunda Forms: each field by its id (type, label, key, validation, options). */
  public static List<Change> forms(JsonNode before, JsonNode after) {
    Map<String, Map<String, String>> a = new LinkedHashMap<>();
    Map<String, Map<String, String>> b = new LinkedHashMap<>();
    describe(before.path("components"), a);
    describe(after.path("components"), b);
    return compare(a, b);
  }

  private static List<Change> compare(Map<String, Map<String, String>> a, Map<String, Map<String, String>> b) {
    List<Change> out = new ArrayList<>();
    b.forEach((id, d) -> {
      if (!a.containsKey(id)) {
        out.add(new Change(Kind.ADDED, id, d.get("type"), d.get("name"), List.of()));
      }
    });
    a.forEach((id, d) -> {
      if (!b.containsKey(id)) {
        out.add(new Change(Kind.REMOVED, id, d.get("type"), d.get("name"), List.of()));
      }
    });
    a.forEach((id, old) -> {
      Map<String, String> now = b.get(id);
      if (now != null && !now.equals(old)) {
        List<String> details = new ArrayList<>();
        for (String key : union(old, now)) {
          String x = old.get(key);
          String y = now.get(key);
          if (x == null ? y != null : !x.equals(y)) {
            details.add(key + ": " + (x == null ? "—" : x) + " → " + (y == null ? "—" : y));
          }
        }
        out.add(new Change(Kind.CHANGED, id, now.get("type"), now.get("name"), details));
      }
    });
    return out;
  }

  private static List<String> union(Map<String, String> a, Map<String, String> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    return keys;
  }

  private static Map<String, Map<String, String>> describe(BpmnModelInstance model) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (FlowElement e : model.getModelElementsByType(FlowElement.class)) {
      Map<String, String> d = new LinkedHashMap<>();
      d.put("type", e.getElementType().getTypeName());
      d.put("name", e.getName() == null ? "" : e.getName());
      if (e instanceof UserTask t) {
        put(d, "assignee", t.getCamundaAssignee());
        put(d, "candidateGroups", t.getCamundaCandidateGroups());
        put(d, "dueDate", t.getCamundaDueDate());
        put(d, "formRef", t.getCamundaFormRef());
      }
      if (e instanceof SequenceFlow f) {
        put(d, "from", f.getSource().getId());
        put(d, "to", f.getTarget().getId());
        put(d, "condition", f.getConditionExpression() == null ? null : f.getConditionExpression().getTextContent());
      }
      // other Camunda attributes (delegates, decisions, timers below the element) by their text
      DomElement dom = e.getDomElement();
      for (DomElement child : dom.getChildElements()) {
        if (child.getLocalName().endsWith("EventDefinition")) {
          for (DomElement def : child.getChildElements()) {
            put(d, def.getLocalName(), def.getTextContent().strip());
          }
        }
      }
      put(d, "delegateExpression", dom.getAttribute("http://camunda.org/schema/1.0/bpmn", "delegateExpression"));
      put(d, "decisionRef", dom.getAttribute("http://camunda.org/schema/1.0/bpmn", "decisionRef"));
      out.put(e.getId(), d);
    }
    return out;
  }

  private static Map<String, Map<String, String>> describe(DmnModelInstance model) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      Map<String, String> d = new LinkedHashMap<>();
      d.put("type", "decision");
      d.put("name", decision.getName() == null ? "" : decision.getName());
      out.put(decision.getId(), d);
    }
    for (Input input : model.getModelElementsByType(Input.class)) {
      Map<String, String> d = new LinkedHashMap<>();
      d.put("type", "input");
      d.put("name", input.getLabel() == null ? "" : input.getLabel());
      put(d, "expression", input.getInputExpression() == null ? null : input.getInputExpression().getTextContent().strip());
      out.put(input.getId(), d);
    }
    for (Output output : model.getModelElementsByType(Output.class)) {
      Map<String, String> d = new LinkedHashMap<>();
      d.put("type", "output");
      d.put("name", output.getLabel() == null ? "" : output.getLabel());
      put(d, "variable", output.getName());
      out.put(output.getId(), d);
    }
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      Map<String, String> d = new LinkedHashMap<>();
      d.put("type", "rule");
      d.put("name", rule.getDescription() == null ? "" : rule.getDescription().getTextContent().strip());
      List<String> when = rule.getInputEntries().stream().map(e -> e.getTextContent().strip()).toList();
      List<String> then = rule.getOutputEntries().stream().map(e -> e.getTextContent().strip()).toList();
      d.put("rule", String.join(" | ", when) + " ⇒ " + String.join(" | ", then));
      out.put(rule.getId(), d);
    }
    return out;
  }

  private static void describe(JsonNode components, Map<String, Map<String, String>> out) {
    for (JsonNode c : components) {
      Map<String, String> d = new LinkedHashMap<>();
      d.put("type", c.path("type").asText());
      d.put("name", c.path("label").asText(c.path("text").asText("")));
      put(d, "key", c.path("key").asText(null));
      put(d, "validate", c.has("validate") ? c.get("validate").toString() : null);
      put(d, "values", c.has("values") ? c.get("values").toString() : c.path("valuesKey").asText(null));
      put(d, "defaultValue", c.has("defaultValue") ? c.get("defaultValue").toString() : null);
      String id = c.path("id").asText(c.path("key").asText(""));
      if (!id.isEmpty()) {
        out.put(id, d);
      }
      describe(c.path("components"), out);
    }
  }

  private static void put(Map<String, String> d, String key, String value) {
    if (value != null && !value.isBlank()) {
      d.put(key, value);
    }
  }
}
