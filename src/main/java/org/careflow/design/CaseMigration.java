package org.careflow.design;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.careflow.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves running cases from an older version of a process to a newer one. The preview says how many
 * cases wait at each step and which steps map to the new version (same id); a case waiting in a step
 * the new version no longer has cannot move and stays on its version, where it keeps working. The
 * migration runs as an engine batch over the cases that can move.
 */
@Service
public class CaseMigration {

  public record Step(String activityId, String name, long cases, String mapsTo, String reason) {
    public boolean migratable() {
      return mapsTo != null;
    }
  }

  public record Preview(String key, int from, int to, List<Step> steps, long migratable, long staying, List<String> planProblems) {}

  public record Progress(String batchId, long total, long done, long failed, boolean finished, long onTarget, long onSource) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;

  CaseMigration(RepositoryService repository, RuntimeService runtime, ManagementService management) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
  }

  private ProcessDefinition definition(String key, int version) {
    ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version).singleResult();
    if (d == null) {
      throw InvalidInputException.of("version", "design.noSuchVersion", key, version);
    }
    return d;
  }

  private MigrationPlan plan(ProcessDefinition from, ProcessDefinition to) {
    return runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().updateEventTriggers().build();
  }

  @Transactional(readOnly = true)
  public Preview preview(String key, int fromVersion, int toVersion) {
    if (fromVersion == toVersion) {
      throw InvalidInputException.of("version", "design.sameVersion");
    }
    ProcessDefinition from = definition(key, fromVersion);
    ProcessDefinition to = definition(key, toVersion);
    Map<String, String> mapped = new java.util.HashMap<>();
    List<String> problems = new ArrayList<>();
    try {
      for (MigrationInstruction i : plan(from, to).getInstructions()) {
        mapped.put(i.getSourceActivityId(), i.getTargetActivityId());
      }
    } catch (MigrationPlanValidationException e) {
      e.getValidationReport().getInstructionReports().forEach(r -> problems.addAll(r.getFailures()));
    }
    BpmnModelInstance source = repository.getBpmnModelInstance(from.getId());
    List<Step> steps = new ArrayList<>();
    for (ActivityStatistics s : management.createActivityStatisticsQuery(from.getId()).list()) {
      FlowElement e = source.getModelElementById(s.getId());
      String name = e == null || e.getName() == null ? s.getId() : e.getName();
      String target = mapped.get(s.getId());
      steps.add(new Step(s.getId(), name, s.getInstances(), target, target == null ? "design.notInNewVersion" : null));
    }
    steps.sort((a, b) -> Long.compare(b.cases(), a.cases()));
    Set<String> blocked = steps.stream().filter(s -> !s.migratable()).map(Step::activityId).collect(Collectors.toSet());
    long all = runtime.createProcessInstanceQuery().processDefinitionId(from.getId()).count();
    long staying = blocked.isEmpty() ? 0
        : runtime.createProcessInstanceQuery().processDefinitionId(from.getId()).activityIdIn(blocked.toArray(String[]::new)).count();
    return new Preview(key, fromVersion, toVersion, steps, all - staying, staying, problems);
  }

  /** Starts the batch over every case that can move; returns the batch id. */
  @Transactional
  public String migrate(String key, int fromVersion, int toVersion) {
    Preview preview = preview(key, fromVersion, toVersion);
    if (!preview.planProblems().isEmpty()) {
      throw InvalidInputException.of("version", "design.planInvalid");
    }
    ProcessDefinition from = definition(key, fromVersion);
    Set<String> blocked = preview.steps().stream().filter(s -> !s.migratable()).map(Step::activityId).collect(Collectors.toSet());
    Set<String> staying = new HashSet<>();
    if (!blocked.isEmpty()) {
      runtime.createProcessInstanceQuery().processDefinitionId(from.getId()).activityIdIn(blocked.toArray(String[]::new)).list()
          .forEach(p -> staying.add(p.getId()));
    }
    List<String> ids = runtime.createProcessInstanceQuery().processDefinitionId(from.getId()).list().stream()
        .map(p -> p.getId()).filter(id -> !staying.contains(id)).toList();
    if (ids.isEmpty()) {
      throw InvalidInputException.of("version", "design.nothingToMigrate");
    }
    Batch batch = runtime.newMigration(plan(from, definition(key, toVersion))).processInstanceIds(ids).executeAsync();
    return batch.getId();
  }

  @Transactional(readOnly = true)
  public Progress progress(String batchId, String key, int fromVersion, int toVersion) {
    BatchStatistics stats = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
    long onTarget = runtime.createProcessInstanceQuery().processDefinitionId(definition(key, toVersion).getId()).count();
    long onSource = runtime.createProcessInstanceQuery().processDefinitionId(definition(key, fromVersion).getId()).count();
    if (stats == null) { // finished: the engine moved it to history
      return new Progress(batchId, 0, 0, 0, true, onTarget, onSource);
    }
    long total = stats.getTotalJobs();
    return new Progress(batchId, total, stats.getCompletedJobs(), stats.getFailedJobs(), false, onTarget, onSource);
  }
}
