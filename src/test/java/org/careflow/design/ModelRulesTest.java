package org.careflow.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The project's model rules over every file in processes/ and forms/. */
class ModelRulesTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");

  static Stream<Path> bpmnFiles() throws IOException {
    return Files.list(PROCESSES).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = new ObjectMapper().readTree(p.toFile());
        assertThat(form.path("id").asText()).as("form id of %s", p).isEqualTo(p.getFileName().toString().replace(".form", ""));
        ids.add(form.path("id").asText());
      }
    }
    return ids;
  }

  static Set<String> decisionKeys() throws IOException {
    Set<String> keys = new HashSet<>();
    try (Stream<Path> files = Files.list(PROCESSES)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
        DmnModelInstance dmn = Dmn.readModelFromFile(p.toFile());
        for (Decision d : dmn.getModelElementsByType(Decision.class)) {
          assertThat(d.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of decision %s", d.getId()).isNotBlank();
          keys.add(d.getId());
        }
      }
    }
    return keys;
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void everyProcessFollowsTheProjectRules(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<ModelRules.Violation> violations = ModelRules.check(model, formIds(), decisionKeys());
    assertThat(violations).as("rule violations in %s", file).isEmpty();
  }

  @Test
  void theCaseProcessesAndTheEligibilityDecisionAreThere() throws IOException {
    assertThat(bpmnFiles().map(p -> p.getFileName().toString())).contains("child-case.bpmn", "guardian-meeting.bpmn");
    assertThat(decisionKeys()).contains("eligibility");
  }

  @Test
  void theRulesCatchABrokenModel() {
    BpmnModelInstance broken = Bpmn.createExecutableProcess("broken")
        .startEvent()
        .userTask("orphanTask")
        .serviceTask("javaClassTask").camundaClass("com.example.Foo")
        .businessRuleTask("unknownDecision").camundaDecisionRef("nope")
        .endEvent()
        .done();
    // the fluent builder adds a time to live of its own; a hand-written model may lack it
    broken.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById("broken").setCamundaHistoryTimeToLiveString(null);
    List<String> rules = ModelRules.check(broken, Set.of("monthly-talk"), Set.of("eligibility")).stream()
        .map(ModelRules.Violation::toString).toList();
    assertThat(rules).contains(
        "broken: historyTimeToLive missing",
        "orphanTask: no assignee or candidate groups",
        "orphanTask: no due date",
        "orphanTask: no camunda:formRef",
        "javaClassTask: service task must name a delegate bean: camunda:delegateExpression=\"${bean}\"",
        "unknownDecision: decision 'nope' is not in processes/");
  }

  /**
   * The constants classes name only what is in their model: KEY (and the case process keys) a process,
   * TASK_* an element of the class's model, MESSAGE_* a message and VAR_* a name some model uses.
   */
  @Test
  void everyProcessConstantNamesSomethingInItsModel() throws Exception {
    Map<String, String> classToModel = new java.util.LinkedHashMap<>();
    classToModel.put("org.careflow.enrolment.ChildCaseProcess", "child-case.bpmn");
    classToModel.put("org.careflow.family.FamilyTiesProcess", "family-ties.bpmn");
    classToModel.put("org.careflow.shared.CaseProcesses", null);
    Map<String, BpmnModelInstance> models = new java.util.LinkedHashMap<>();
    StringBuilder allText = new StringBuilder();
    for (Path p : bpmnFiles().toList()) {
      models.put(p.getFileName().toString(), Bpmn.readModelFromFile(p.toFile()));
      allText.append(Files.readString(p));
    }
    Set<String> processIds = new HashSet<>();
    Set<String> messageNames = new HashSet<>();
    models.values().forEach(m -> {
      m.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).forEach(x -> processIds.add(x.getId()));
      m.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class).forEach(x -> messageNames.add(x.getName()));
    });
    List<String> wrong = new java.util.ArrayList<>();
    for (Map.Entry<String, String> e : classToModel.entrySet()) {
      BpmnModelInstance own = e.getValue() == null ? null : models.get(e.getValue());
      for (java.lang.reflect.Field f : Class.forName(e.getKey()).getDeclaredFields()) {
        if (!java.lang.reflect.Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) {
          continue;
        }
        f.setAccessible(true);
        String name = f.getName();
        String value = (String) f.get(null);
        String where = e.getKey() + "." + name + " = " + value;
        if ((name.equals("KEY") || List.of("CHILD_CASE", "FAMILY_TIES", "SUPPORT_PLAN").contains(name)) && !processIds.contains(value)) {
          wrong.add(where + ": no such process");
        } else if (name.startsWith("TASK_") && (own == null || own.getModelElementById(value) == null)) {
          wrong.add(where + ": not an element of " + e.getValue());
        } else if (name.startsWith("MESSAGE_") && !messageNames.contains(value)) {
          wrong.add(where + ": no such message");
        } else if (name.startsWith("VAR_") && !allText.toString().contains(value)) {
          wrong.add(where + ": no model uses it");
        }
      }
    }
    org.careflow.shared.CaseProcesses.KEYS.forEach(k -> {
      if (!processIds.contains(k)) {
        wrong.add("CaseProcesses.KEYS: " + k + ": no such process");
      }
    });
    assertThat(wrong).isEmpty();
  }
}
