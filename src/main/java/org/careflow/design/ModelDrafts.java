package org.careflow.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts of models edited in the browser: saved without deploying, compared with the deployed latest
 * version, and deployed with a comment. Deploying goes through the engine like every other path, so
 * the project's rules ({@link ProjectRulesPlugin}) refuse a bad model whole and the draft stays.
 */
@Service
@Transactional(readOnly = true)
public class ModelDrafts {

  /** Deployments made from /design: a name of their own, so the start-time deployer ("careflow") never
   *  compares its files with them and a restart does not put the old file back. */
  static final String DEPLOYMENT_NAME = "careflow-design";
  static final String SOURCE = "careflow /design";
  private static final Pattern RESOURCE = Pattern.compile("([A-Za-z0-9_-]+/)*[A-Za-z0-9_][A-Za-z0-9._ -]*\\.(bpmn|dmn|form)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The latest deployed version of a model: its number, where it is and its file. */
  public record Latest(int version, String deploymentId, String resource, String content) {}

  /** A draft against the latest deployed version: the version it is compared with (null: none yet), what changed. */
  public record Comparison(Integer version, boolean same, List<ModelDiff.Change> changes) {}

  public record Deployed(String key, String deploymentId, int version) {}

  private final ModelDraftRepository drafts;
  private final RepositoryService repository;
  private final ModelCatalog catalog;
  private final JdbcTemplate jdbc;

  ModelDrafts(ModelDraftRepository drafts, RepositoryService repository, ModelCatalog catalog, JdbcTemplate jdbc) {
    this.drafts = drafts;
    this.repository = repository;
    this.catalog = catalog;
    this.jdbc = jdbc;
  }

  static String kindOf(String resource) {
    return resource.substring(resource.lastIndexOf('.') + 1);
  }

  public List<ModelDraft> open() {
    return drafts.findByDeploymentIdIsNullOrderBySavedAtDesc();
  }

  public ModelDraft get(long id) {
    return drafts.findById(id).orElseThrow(() -> new NotFoundException("draft"));
  }

  /** Checks the file can be read and belongs to a deployed model, then keeps it. Nothing is deployed. */
  @Transactional
  public ModelDraft save(String resource, String content, String comment, String author) {
    FieldErrors errors = new FieldErrors();
    if (resource == null || resource.length() > 255 || !RESOURCE.matcher(resource).matches()) {
      errors.reject("resource", "design.draftBadResource");
      errors.throwIfAny();
    }
    if (content == null || content.isBlank()) {
      errors.reject("content", "design.draftEmpty");
    } else if (content.length() > ModelDraft.MAX_CONTENT) {
      errors.reject("content", "design.draftTooLarge", ModelDraft.MAX_CONTENT);
    }
    String note = comment == null || comment.isBlank() ? null : comment.strip();
    if (note != null && note.length() > 500) {
      errors.reject("comment", "design.commentTooLong", 500);
    }
    errors.throwIfAny();
    String key = keyOf(resource, content);
    if (latest(resource, key) == null) {
      throw InvalidInputException.of("resource", "design.draftUnknownModel", key);
    }
    return drafts.save(new ModelDraft(resource, key, content, author, ClockUtil.getCurrentTime().toInstant(), note));
  }

  /** The process, decision or form id in the file; refuses a file its editor could not have written. */
  static String keyOf(String resource, String content) {
    try {
      String key = switch (kindOf(resource)) {
        case "bpmn" -> bpmn(content).getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream()
            .filter(org.camunda.bpm.model.bpmn.instance.Process::isExecutable).findFirst().map(p -> p.getId()).orElse(null);
        case "dmn" -> dmn(content).getModelElementsByType(Decision.class).stream().findFirst().map(Decision::getId).orElse(null);
        default -> JSON.readTree(content).path("id").asText(null);
      };
      if (key == null || key.isBlank()) {
        throw InvalidInputException.of("content", "design.draftUnreadable");
      }
      return key;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException i) {
        throw i;
      }
      throw InvalidInputException.of("content", "design.draftUnreadable");
    }
  }

  private static BpmnModelInstance bpmn(String content) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  private static DmnModelInstance dmn(String content) {
    return Dmn.readModelFromStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  /** The deployed latest version of the draft's model: by process or decision key, forms by file name. */
  Latest latest(String resource, String key) {
    switch (kindOf(resource)) {
      case "bpmn" -> {
        ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
        return d == null ? null : new Latest(d.getVersion(), d.getDeploymentId(), d.getResourceName(), read(d.getDeploymentId(), d.getResourceName()));
      }
      case "dmn" -> {
        DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
        return d == null ? null : new Latest(d.getVersion(), d.getDeploymentId(), d.getResourceName(), read(d.getDeploymentId(), d.getResourceName()));
      }
      default -> {
        String file = resource.substring(resource.lastIndexOf('/') + 1).replace(".form", "");
        return catalog.models().stream().filter(m -> m.kind().equals("form") && m.key().equals(file)).findFirst()
            .map(m -> m.versions().get(0))
            .map(v -> new Latest(v.version(), v.deploymentId(), v.resource(), read(v.deploymentId(), v.resource())))
            .orElse(null);
      }
    }
  }

  private String read(String deploymentId, String resource) {
    try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the draft changes against the deployed latest version, step by step (rule by rule, field by field). */
  public Comparison compare(ModelDraft draft) {
    Latest latest = latest(draft.getResource(), draft.getModelKey());
    if (latest == null) {
      return new Comparison(null, false, List.of());
    }
    boolean same = latest.content().equals(draft.getContent());
    List<ModelDiff.Change> changes = switch (draft.getKind()) {
      case "bpmn" -> ModelDiff.between(bpmn(latest.content()), bpmn(draft.getContent()));
      case "dmn" -> ModelDiff.decisions(dmn(latest.content()), dmn(draft.getContent()));
      default -> ModelDiff.forms(tree(latest.content()), tree(draft.getContent()));
    };
    return new Comparison(latest.version(), same, changes);
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw InvalidInputException.of("content", "design.draftUnreadable");
    }
  }

  /**
   * Deploys the draft as a new version, with who and why in its deployment record, in one transaction.
   * A model that breaks the project's rules makes the engine throw its ParseException: nothing is
   * deployed and the draft stays open.
   */
  @Transactional
  public Deployed deploy(long id, String comment, String author) {
    ModelDraft draft = get(id);
    if (draft.getDeploymentId() != null) {
      throw InvalidInputException.of("draft", "design.draftAlreadyDeployed");
    }
    String note = comment == null || comment.isBlank() ? draft.getComment() : comment.strip();
    if (note != null && note.length() > 500) {
      throw InvalidInputException.of("comment", "design.commentTooLong", 500);
    }
    Latest latest = latest(draft.getResource(), draft.getModelKey());
    if (latest != null && latest.content().equals(draft.getContent())) {
      throw InvalidInputException.of("draft", "design.draftUnchanged", latest.version());
    }
    Deployment deployment = repository.createDeployment().name(DEPLOYMENT_NAME).source(SOURCE)
        .addString(draft.getResource(), draft.getContent()).deploy();
    // the rules plugin wrote the record in this transaction; careflow's pages call the engine without
    // an engine user, so the author and the reason are filled in here
    jdbc.update("update cf_deployment_record set author = ?, comment = ? where deployment_id = ?", author, note, deployment.getId());
    draft.deployed(deployment.getId());
    Latest now = latest(draft.getResource(), draft.getModelKey());
    return new Deployed(draft.getModelKey(), deployment.getId(), now == null ? 0 : now.version());
  }

  /** Throws a draft away (open drafts only). */
  @Transactional
  public void discard(long id) {
    ModelDraft draft = get(id);
    if (draft.getDeploymentId() != null) {
      throw InvalidInputException.of("draft", "design.draftAlreadyDeployed");
    }
    drafts.delete(draft);
  }
}
