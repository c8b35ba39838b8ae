package org.careflow.design;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deployed processes, decisions and forms with every version: when and from where each came,
 * who deployed it, its file to download (the files in processes/ and forms/ stay the project's
 * versions: a change made elsewhere is downloaded and committed), and the difference between two
 * versions of a process.
 */
@Service
@Transactional(readOnly = true)
public class ModelCatalog {

  public record Version(int version, String deploymentId, String resource, Date deployedAt, String source, String author, String comment) {}

  public record Model(String key, String name, String kind, List<Version> versions) {}

  private final RepositoryService repository;
  private final DeploymentRecordRepository records;

  ModelCatalog(RepositoryService repository, DeploymentRecordRepository records) {
    this.repository = repository;
    this.records = records;
  }

  public List<Model> models() {
    Map<String, Deployment> deployments = repository.createDeploymentQuery().list().stream()
        .collect(Collectors.toMap(Deployment::getId, Function.identity()));
    Map<String, DeploymentRecord> authors = records.findAllById(deployments.keySet()).stream()
        .collect(Collectors.toMap(DeploymentRecord::getDeploymentId, Function.identity()));
    Function<String, Deployment> dep = deployments::get;
    List<Model> out = new ArrayList<>();
    Map<String, List<Version>> processes = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (ProcessDefinition d : repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
        .orderByProcessDefinitionVersion().desc().list()) {
      names.putIfAbsent(d.getKey(), d.getName());
      processes.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(version(d.getVersion(), d.getDeploymentId(), d.getResourceName(), dep, authors));
    }
    processes.forEach((k, v) -> out.add(new Model(k, names.get(k), "process", v)));
    Map<String, List<Version>> decisions = new LinkedHashMap<>();
    Map<String, String> decisionNames = new LinkedHashMap<>();
    for (DecisionDefinition d : repository.createDecisionDefinitionQuery().orderByDecisionDefinitionKey().asc()
        .orderByDecisionDefinitionVersion().desc().list()) {
      decisionNames.putIfAbsent(d.getKey(), d.getName());
      decisions.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(version(d.getVersion(), d.getDeploymentId(), d.getResourceName(), dep, authors));
    }
    decisions.forEach((k, v) -> out.add(new Model(k, decisionNames.get(k), "decision", v)));
    Map<String, List<Version>> forms = new LinkedHashMap<>();
    List<Deployment> byTime = new ArrayList<>(deployments.values());
    byTime.sort((a, b) -> b.getDeploymentTime().compareTo(a.getDeploymentTime()));
    for (Deployment d : byTime) {
      for (Resource r : repository.getDeploymentResources(d.getId())) {
        if (r.getName().endsWith(".form")) {
          String key = r.getName().substring(r.getName().lastIndexOf('/') + 1).replace(".form", "");
          List<Version> versions = forms.computeIfAbsent(key, k -> new ArrayList<>());
          versions.add(version(0, d.getId(), r.getName(), dep, authors));
        }
      }
    }
    forms.forEach((k, v) -> {
      List<Version> numbered = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        Version x = v.get(i);
        numbered.add(new Version(v.size() - i, x.deploymentId(), x.resource(), x.deployedAt(), x.source(), x.author(), x.comment()));
      }
      out.add(new Model(k, k, "form", numbered));
    });
    return out;
  }

  private static Version version(int number, String deploymentId, String resource, Function<String, Deployment> deployments,
      Map<String, DeploymentRecord> authors) {
    Deployment d = deployments.apply(deploymentId);
    DeploymentRecord r = authors.get(deploymentId);
    return new Version(number, deploymentId, resource, d == null ? null : d.getDeploymentTime(),
        d == null ? null : d.getSource(), r == null ? null : r.getAuthor(), r == null ? null : r.getComment());
  }

  public record File(String name, byte[] bytes) {}

  /** A deployed file, to download. */
  public File file(String deploymentId, String resource) throws IOException {
    boolean exists = repository.getDeploymentResourceNames(deploymentId).contains(resource);
    if (!exists) {
      throw new NotFoundException("resource");
    }
    try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
      return new File(resource.substring(resource.lastIndexOf('/') + 1), in.readAllBytes());
    }
  }

  /** The difference between two versions of a process. */
  public List<ModelDiff.Change> diff(String key, int from, int to) {
    return ModelDiff.between(model(key, from), model(key, to));
  }

  private org.camunda.bpm.model.bpmn.BpmnModelInstance model(String key, int version) {
    ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version).singleResult();
    if (d == null) {
      throw InvalidInputException.of("version", "design.noSuchVersion", key, version);
    }
    return repository.getBpmnModelInstance(d.getId());
  }

  static Instant unused() {
    return Instant.EPOCH;
  }
}
