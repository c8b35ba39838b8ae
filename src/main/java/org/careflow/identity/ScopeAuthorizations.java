package org.careflow.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.careflow.shared.CaseScopes;
import org.careflow.shared.EngineTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the engine's per-case authorizations in step where the domain changes outside the engine:
 * a new mentor (pairing), a new class teacher (the class's open tasks move to them), and, once, the
 * cases and tasks that were created before scoping existed (backfill at start). New tasks get theirs
 * from {@link ScopedAuthorizationProvider} as they are created.
 */
@Service
public class ScopeAuthorizations {

  private static final Logger log = LoggerFactory.getLogger(ScopeAuthorizations.class);

  private final AuthorizationService authorizations;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ScopedAccessPlugin plugin;
  private final RepositoryService repository;
  private final EngineTables engineTables;

  ScopeAuthorizations(AuthorizationService authorizations, RuntimeService runtime, TaskService tasks, ScopedAccessPlugin plugin,
      RepositoryService repository, EngineTables engineTables) {
    this.authorizations = authorizations;
    this.runtime = runtime;
    this.tasks = tasks;
    this.plugin = plugin;
    this.repository = repository;
    this.engineTables = engineTables;
  }

  /**
   * A case's mentor changed: the new one reads the case's instances in the engine (the case and its
   * family ties: every instance whose scope names them as mentor), the old one no longer.
   */
  @Transactional
  public void mentorChanged(String businessKey, String oldMentor, String newMentor) {
    for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
      String key = processKey(pi);
      Optional<CaseScopes.Scope> scope = plugin.scopeOf(key, businessKey);
      if (scope.isEmpty() || !java.util.Objects.equals(scope.get().mentor(), newMentor)) {
        continue; // not a case's instance (a guardian meeting with the same number)
      }
      if (oldMentor != null && !oldMentor.equals(newMentor)) {
        for (Resource r : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
          Authorization a = userGrant(oldMentor, r, pi.getId());
          if (a != null) {
            authorizations.deleteAuthorization(a.getId());
          }
        }
      }
      if (newMentor != null) {
        grant(newMentor, null, Resources.PROCESS_INSTANCE, pi.getId(), Permissions.READ);
        grant(newMentor, null, Resources.HISTORIC_PROCESS_INSTANCE, pi.getId(), HistoricProcessInstancePermissions.READ);
      }
    }
  }

  /**
   * A class has a new class teacher: the class's open tasks assigned to the old one move to the new one,
   * and the old one loses the task permissions the engine gave them as assignee.
   */
  @Transactional
  public int classHandedOver(long classId, String oldTeacher, String newTeacher) {
    return classTasksHandedOver(classId, oldTeacher, newTeacher).size();
  }

  /** As {@link #classHandedOver}, answering the ids of the tasks that moved (they get a note). */
  @Transactional
  public List<String> classTasksHandedOver(long classId, String oldTeacher, String newTeacher) {
    List<String> moved = new ArrayList<>();
    if (oldTeacher == null || oldTeacher.equals(newTeacher)) {
      return moved;
    }
    for (Task t : tasks.createTaskQuery().taskAssignee(oldTeacher).list()) {
      Optional<CaseScopes.Scope> s = scopeOf(t);
      if (s.isPresent() && s.get().classId() == classId) {
        tasks.setAssignee(t.getId(), newTeacher);
        for (Resource r : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
          Authorization a = userGrant(oldTeacher, r, t.getId());
          if (a != null) {
            authorizations.deleteAuthorization(a.getId());
          }
        }
        moved.add(t.getId());
      }
    }
    return moved;
  }

  /** A task moved away from this user (a class handed over): the task permissions the engine gave them as assignee go. */
  @Transactional
  public void assigneeRemoved(String taskId, String user) {
    for (Resource r : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
      Authorization a = userGrant(user, r, taskId);
      if (a != null) {
        authorizations.deleteAuthorization(a.getId());
      }
    }
  }

  /**
   * Gives the running cases and meetings that have no scoped grant yet (made before scoping, or by an
   * older version) the grants a new task gets, and offers their tasks for a school-wide role to that
   * role of their school. Only instances without a grant to a {@code school-} group are read, so on an
   * installation already in step this is one query.
   */
  @Transactional
  public int backfill() {
    List<String> pending = engineTables.instancesWithoutSchoolGrant(Resources.PROCESS_INSTANCE.resourceType());
    int done = 0;
    for (String id : pending) {
      ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
      if (pi == null) {
        continue;
      }
      String key = processKey(pi);
      Optional<CaseScopes.Scope> scope = plugin.scopeOf(key, pi.getBusinessKey());
      if (scope.isEmpty()) {
        continue;
      }
      CaseScopes.Scope s = scope.get();
      List<String> groups = List.of(Roles.classGroup(s.classId()), Roles.schoolGroup(s.schoolId()));
      for (String g : groups) {
        grant(null, g, Resources.PROCESS_INSTANCE, id, Permissions.READ);
        grant(null, g, Resources.HISTORIC_PROCESS_INSTANCE, id, HistoricProcessInstancePermissions.READ);
      }
      if (s.mentor() != null) {
        grant(s.mentor(), null, Resources.PROCESS_INSTANCE, id, Permissions.READ);
        grant(s.mentor(), null, Resources.HISTORIC_PROCESS_INSTANCE, id, HistoricProcessInstancePermissions.READ);
      }
      for (Task t : tasks.createTaskQuery().processInstanceId(id).list()) {
        for (String g : groups) {
          grant(null, g, Resources.TASK, t.getId(), Permissions.READ);
          grant(null, g, Resources.HISTORIC_TASK, t.getId(), HistoricTaskPermissions.READ);
        }
        List<String> roleGroups = new ArrayList<>();
        for (IdentityLink l : tasks.getIdentityLinksForTask(t.getId())) {
          if (IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null && Roles.SCHOOL_ROLES.contains(l.getGroupId())) {
            roleGroups.add(l.getGroupId());
          }
        }
        for (String role : roleGroups) {
          tasks.deleteCandidateGroup(t.getId(), role);
          for (Resource r : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
            Authorization a = groupGrant(role, r, t.getId());
            if (a != null) {
              authorizations.deleteAuthorization(a.getId());
            }
          }
          tasks.addCandidateGroup(t.getId(), Roles.schoolRoleGroup(s.schoolId(), role));
        }
      }
      done++;
    }
    if (done > 0) {
      log.info("scoped engine permissions given to {} running cases and meetings made before scoping", done);
    }
    return done;
  }

  /**
   * Task grants made by an older version gave assignees and candidates UPDATE on their tasks, with which
   * they could set the case's variables over the engine's REST API: they become TASK_WORK (plus READ).
   * Grants to everything ({@code *}) and to administrators stay. On an installation already in step this is
   * one query.
   */
  @Transactional
  public int reduceTaskUpdates() {
    int reduced = 0;
    for (Authorization a : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .authorizationType(Authorization.AUTH_TYPE_GRANT).hasPermission(Permissions.UPDATE).list()) {
      if ("*".equals(a.getResourceId()) || Roles.ADMIN.equals(a.getGroupId())) {
        continue;
      }
      a.removePermission(Permissions.UPDATE);
      a.addPermission(Permissions.READ);
      a.addPermission(ScopedAuthorizationProvider.TASK_PERMISSION);
      authorizations.saveAuthorization(a);
      reduced++;
    }
    if (reduced > 0) {
      log.info("task grants reduced from UPDATE to TASK_WORK: {}", reduced);
    }
    return reduced;
  }

  private Optional<CaseScopes.Scope> scopeOf(Task t) {
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
    if (pi == null) {
      return Optional.empty();
    }
    String key = processKey(pi);
    return plugin.scopeOf(key, pi.getBusinessKey());
  }

  private Authorization userGrant(String user, Resource r, String id) {
    return authorizations.createAuthorizationQuery().userIdIn(user).resourceType(r).resourceId(id)
        .authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
  }

  private Authorization groupGrant(String group, Resource r, String id) {
    return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(r).resourceId(id)
        .authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
  }

  private void grant(String user, String group, Resource r, String id, Permission p) {
    Authorization a = user != null ? userGrant(user, r, id) : groupGrant(group, r, id);
    if (a == null) {
      a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setUserId(user);
      a.setGroupId(group);
      a.setResource(r);
      a.setResourceId(id);
    } else if (a.isPermissionGranted(p)) {
      return;
    }
    a.addPermission(p);
    authorizations.saveAuthorization(a);
  }

  /** The process key of an instance (the repository service caches definitions: no query per call). */
  private String processKey(ProcessInstance pi) {
    return repository.getProcessDefinition(pi.getProcessDefinitionId()).getKey();
  }
}
