package org.careflow.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.careflow.shared.CaseScopes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Scopes the engine's own doors (REST API, Tasklist, Cockpit) like careflow's pages:
 * <ul>
 *   <li>every new task of a case or meeting is readable by its class's group ({@code class-<id>}) and its
 *       school's group ({@code school-<id>}), and its process instance (runtime and history) by those and
 *       the case's mentor ({@link ScopedAuthorizationProvider});</li>
 *   <li>a task offered to a school-wide role ({@code candidateGroups="supervisor"}) is offered to that role
 *       <em>of the child's school</em> ({@code school-<id>-supervisor}) as it is created, so the inbox, Tasklist
 *       and the engine's task permissions all see the same, school-scoped candidates;</li>
 *   <li>history is authorized per instance ({@code enableHistoricInstancePermissions}), so no one needs a
 *       global READ_HISTORY;</li>
 *   <li>an assignee or candidate gets TASK_WORK on the task, not UPDATE: they may claim and work it, not set
 *       its variables (which would land on the case's instance); see inbox/EngineDoors for completions;</li>
 *   <li>group ids may contain '-' ({@code class-12}, {@code school-3-supervisor}).</li>
 * </ul>
 */
@Component
class ScopedAccessPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseScopes> scopes;
  private volatile Map<String, CaseScopes> byKey;

  ScopedAccessPlugin(ObjectProvider<CaseScopes> scopes) {
    this.scopes = scopes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setGroupResourceWhitelistPattern(Roles.GROUP_ID_PATTERN);
    configuration.setEnableHistoricInstancePermissions(true);
    // assignees and candidates may work a task (claim, complete through careflow), not set its variables
    configuration.setDefaultUserPermissionNameForTask(ScopedAuthorizationProvider.TASK_PERMISSION.getName());
    configuration.setResourceAuthorizationProvider(new ScopedAuthorizationProvider(this));
    List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> post = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    post.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior b) {
          b.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, ScopedAccessPlugin.this::offerToSchool);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(post);
  }

  /** The scope of a process instance, from the module that owns its process. */
  Optional<CaseScopes.Scope> scopeOf(String processKey, String businessKey) {
    Map<String, CaseScopes> m = byKey;
    if (m == null) {
      m = new HashMap<>();
      for (CaseScopes s : scopes.orderedStream().toList()) {
        for (String key : s.processKeys()) {
          m.put(key, s);
        }
      }
      byKey = m;
    }
    CaseScopes s = m.get(processKey);
    return s == null || businessKey == null ? Optional.empty() : s.scopeOf(businessKey);
  }

  /** The scope of the instance a task belongs to (inside the engine, the task's entity knows it). */
  Optional<CaseScopes.Scope> scopeOf(Task task) {
    if (!(task instanceof TaskEntity t) || t.getProcessInstanceId() == null) {
      return Optional.empty();
    }
    ExecutionEntity pi = t.getProcessInstance();
    if (pi == null || pi.getProcessDefinition() == null) {
      return Optional.empty();
    }
    return scopeOf(pi.getProcessDefinition().getKey(), pi.getBusinessKey());
  }

  /**
   * Turns a candidate role group ("supervisor") into that role of the task's school ("school-3-supervisor").
   * The links were added in this command and are not in the database yet, which the engine's
   * deleteCandidateGroup looks in: they are removed from the task's own list instead.
   */
  void offerToSchool(DelegateTask task) {
    if (!(task instanceof TaskEntity t)) {
      return;
    }
    List<IdentityLinkEntity> roleLinks = new ArrayList<>();
    for (IdentityLinkEntity l : t.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null && Roles.SCHOOL_ROLES.contains(l.getGroupId())) {
        roleLinks.add(l);
      }
    }
    if (roleLinks.isEmpty()) {
      return;
    }
    scopeOf(t).ifPresent(s -> {
      for (IdentityLinkEntity l : roleLinks) {
        t.getIdentityLinks().remove(l);
        l.delete();
        t.addCandidateGroup(Roles.schoolRoleGroup(s.schoolId(), l.getGroupId()));
      }
    });
  }
}
