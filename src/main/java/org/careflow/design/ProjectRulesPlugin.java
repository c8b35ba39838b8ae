package org.careflow.design;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The project's model rules ({@link ModelRules}) on every deployment, whichever way it comes: the
 * files deployed at start, the Camunda desktop Modeler over {@code /engine-rest/deployment/create},
 * Cockpit, or careflow's own pages. A pre-deployer inside the engine, so a deployment that breaks a
 * rule is refused whole and nothing of it is stored; over REST the refusal is HTTP 400 naming each
 * element and its rule, in the caller's language (Accept-Language).
 */
@Component
class ProjectRulesPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;
  private final MessageSource messages;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;

  ProjectRulesPlugin(ApplicationContext context, MessageSource messages, org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.context = context;
    this.messages = messages;
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> pre = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      pre.addAll(configuration.getCustomPreDeployers());
    }
    pre.add(this::check);
    configuration.setCustomPreDeployers(pre);
  }

  record RuleProblem(String getMessage, String getMainElementId) implements Problem {
    public int getLine() {
      return 0;
    }

    public int getColumn() {
      return 0;
    }

    public List<String> getElementIds() {
      return getMainElementId == null ? List.of() : List.of(getMainElementId);
    }
  }

  void check(DeploymentEntity deployment) {
    // Only new deployments: the engine also runs deployers when it reloads an old one into its cache,
    // and cases running on an old version must keep working under newer rules.
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    Map<String, ResourceEntity> resources = deployment.getResources();
    safety(resources);
    Set<String> forms = new HashSet<>();
    Set<String> decisions = new HashSet<>();
    List<String> summary = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String firstResource = null;
    for (ResourceEntity r : resources.values()) {
      String name = r.getName();
      try {
        if (name.endsWith(".form")) {
          forms.add(new ObjectMapper().readTree(r.getBytes()).path("id").asText());
        } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
          for (Decision d : Dmn.readModelFromStream(new ByteArrayInputStream(r.getBytes())).getModelElementsByType(Decision.class)) {
            decisions.add(d.getId());
            if (d.getCamundaHistoryTimeToLiveString() == null || d.getCamundaHistoryTimeToLiveString().isBlank()) {
              add(problems, summary, name, new ModelRules.Violation(d.getId(), "historyTtl", "historyTimeToLive missing"));
              firstResource = firstResource == null ? name : firstResource;
            }
          }
        }
      } catch (Exception e) {
        return; // unreadable files are the engine's own parse errors to report
      }
    }
    CommandContext command = Context.getCommandContext();
    ModelRules.Catalog catalog = new ModelRules.Catalog() {
      public boolean hasForm(String formId) {
        return forms.contains(formId) || command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null;
      }

      public boolean hasDecision(String key) {
        return decisions.contains(key) || command.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null;
      }

      public boolean hasBean(String bean) {
        return ModelVocabulary.BEANS.contains(bean) && context.containsBean(bean);
      }
    };
    for (ResourceEntity r : resources.values()) {
      String name = r.getName();
      if (!name.endsWith(".bpmn") && !name.endsWith(".bpmn20.xml")) {
        continue;
      }
      BpmnModelInstance model;
      try {
        model = Bpmn.readModelFromStream(new ByteArrayInputStream(r.getBytes()));
      } catch (Exception e) {
        // not readable as BPMN (malformed XML, a DOCTYPE, another format): refused in the caller's language,
        // with the parser's own words on where
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        while (cause != null) {
          if (cause.getMessage() != null) {
            why = cause.getMessage();
          }
          cause = cause.getCause();
        }
        String text = messages.getMessage("rules.unreadable", new Object[] {name, why.length() > 300 ? why.substring(0, 300) : why},
            LocaleContextHolder.getLocale());
        throw new ParseException(text, name, List.of(new RuleProblem(text, null)), List.of());
      }
      for (ModelRules.Violation v : ModelRules.check(model, catalog)) {
        add(problems, summary, name, v);
        firstResource = firstResource == null ? name : firstResource;
      }
    }
    if (!problems.isEmpty()) {
      String intro = messages.getMessage("rules.refused", null, "Deployment refused", LocaleContextHolder.getLocale());
      throw new ParseException(intro + ": " + String.join("; ", summary), firstResource, problems, List.of());
    }
    // In the deployment's own transaction: a deployment that fails later leaves no record either.
    String author = command.getAuthenticatedUserId() != null ? command.getAuthenticatedUserId() : "system";
    jdbc.update("insert into cf_deployment_record (deployment_id, author, deployed_at, source, name) values (?, ?, ?, ?, ?)",
        deployment.getId(), author, java.sql.Timestamp.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()),
        deployment.getSource(), deployment.getName());
  }

  /**
   * Models cannot execute code: every model file read as plain XML ({@link ModelSafety}) before any other
   * check and before the engine's own deployers parse it, since the engine evaluates a timer start event's
   * date while deploying. A file that breaks these rules is refused with nothing else looked at.
   */
  void safety(Map<String, ResourceEntity> resources) {
    List<String> summary = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String firstResource = null;
    for (ResourceEntity r : resources.values()) {
      if (!ModelSafety.isModel(r.getName())) {
        continue;
      }
      for (ModelRules.Violation v : ModelSafety.check(r.getName(), r.getBytes() == null ? new byte[0] : r.getBytes(), context::containsBean)) {
        add(problems, summary, r.getName(), v);
        firstResource = firstResource == null ? r.getName() : firstResource;
      }
    }
    if (!problems.isEmpty()) {
      String intro = messages.getMessage("rules.refused", null, "Deployment refused", LocaleContextHolder.getLocale());
      throw new ParseException(intro + ": " + String.join("; ", summary), firstResource, problems, List.of());
    }
  }

  private void add(List<Problem> problems, List<String> summary, String resource, ModelRules.Violation v) {
    String text = messages.getMessage("rules." + v.code(), v.args(), v.rule(), LocaleContextHolder.getLocale());
    problems.add(new RuleProblem(text, v.elementId()));
    summary.add(resource + " " + v.elementId() + ": " + text);
  }
}
