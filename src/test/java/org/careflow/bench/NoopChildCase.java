package org.careflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;

/**
 * The baseline model of the benchmarks: careflow's own {@code child-case} model, deployed under the key
 * {@value #KEY} with every careflow bean taken out. Execution and task listeners are removed, a service task
 * becomes a manual task (which does nothing), an assignee the fixed user {@code tnoop}, a due date
 * or timer date a fixed date, and a condition that asks a bean {@code ${true}}. Its key is not a case
 * process, so careflow's built-in task listeners (the scope grants, the dashboard's rows) leave it alone:
 * what remains is the engine's own work for the same elements, on the same database, in the same run.
 */
final class NoopChildCase {

  static final String KEY = "child-case-noop";
  static final String FIXED_DATE = "2030-01-01T00:00:00";

  private NoopChildCase() {}

  /** The model's text with careflow's beans replaced. */
  static String xml() throws IOException {
    String xml = Files.readString(Path.of("processes/child-case.bpmn"), StandardCharsets.UTF_8);
    return xml
        .replace("<bpmn:process id=\"child-case\"", "<bpmn:process id=\"" + KEY + "\"")
        .replace("bpmnElement=\"child-case\"", "bpmnElement=\"" + KEY + "\"")
        .replaceAll("<camunda:(execution|task)Listener[^>]*/>", "")
        .replaceAll("<bpmn:serviceTask([^>]*) camunda:delegateExpression=\"\\$\\{[^}]*}\"", "<bpmn:manualTask$1")
        .replace("</bpmn:serviceTask>", "</bpmn:manualTask>")
        .replaceAll("camunda:assignee=\"\\$\\{[^}]*}\"", "camunda:assignee=\"tnoop\"")
        .replaceAll("camunda:dueDate=\"\\$\\{[^}]*}\"", "camunda:dueDate=\"" + FIXED_DATE + "\"")
        .replaceAll("(<bpmn:time(Date|Cycle|Duration)[^>]*>)\\$\\{[^}]*}", "$1" + FIXED_DATE)
        .replaceAll("(<bpmn:conditionExpression[^>]*>)\\$\\{[^}]*\\w\\.\\w+\\([^}]*}", "$1\\${true}");
  }

  /** Deploys the baseline model (once per database: a second deployment of the same text is skipped). */
  static String deploy(RepositoryService repository) throws IOException {
    repository.createDeployment().name("benchmark baseline").enableDuplicateFiltering(true)
        .addString(KEY + ".bpmn", xml()).deploy();
    return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId();
  }
}
