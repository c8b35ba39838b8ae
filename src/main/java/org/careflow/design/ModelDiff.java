package org.careflow.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * What changed between two versions of a process, element by element, as a coordinator reads it:
 * steps added, removed, and changed (name, who does it, due date, form, timer, condition, wiring).
 */
public final class ModelDiff {

  public enum Kind { ADDED, REMOVED, CHANGED }

  public record Change(Kind kind, String elementId, String type, String name, List<String> details) {}

  private ModelDiff() {}

  public static List<Change> between(BpmnModelInstance before, BpmnModelInstance after) {
    Map<String, Map<String, String>> a = describe(before);
    Map<String, Map<String, String>> b = describe(after);
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

  private static void put(Map<String, String> d, String key, String value) {
    if (value != null && !value.isBlank()) {
      d.put(key, value);
    }
  }
}
