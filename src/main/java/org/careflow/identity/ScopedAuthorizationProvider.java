package org.careflow.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.careflow.shared.CaseScopes;

/**
 * The engine's default task permissions (assignee and candidates may work the task: TASK_WORK, never
 * UPDATE, which would let them set the case's variables over the engine's REST API), plus READ for the
 * class's and the school's groups on every task of a case or meeting, and READ on its process instance
 * (runtime and history) for those groups and the case's mentor. A candidate role group of a school-wide
 * role gets nothing here: {@link ScopedAccessPlugin} turns it into the role of the child's school, which
 * then gets the default permissions.
 */
class ScopedAuthorizationProvider extends DefaultAuthorizationProvider {

  /** What an assignee or candidate may do with a task. */
  static final Permission TASK_PERMISSION = org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK;

  private final ScopedAccessPlugin plugin;

  @Override
  protected Permission getDefaultUserPermissionForTask() {
    return TASK_PERMISSION;
  }

  ScopedAuthorizationProvider(ScopedAccessPlugin plugin) {
    this.plugin = plugin;
  }

  /** A new user may read their own entry, not change it (Accounts.reduceOwnUserGrants). */
  @Override
  public AuthorizationEntity[] newUser(org.camunda.bpm.engine.identity.User user) {
    AuthorizationEntity[] out = super.newUser(user);
    if (out != null) {
      for (AuthorizationEntity a : out) {
        a.setPermissions(new Permission[] {Permissions.READ});
      }
    }
    return out;
  }

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (Roles.SCHOOL_ROLES.contains(groupId) && plugin.scopeOf(task).isPresent()) {
      return null;
    }
    // A candidate group that already got READ on this new task in this command (a class group offered a
    // task, as in carer-follow-up): the grant, not yet written, takes the candidate's permission too. The
    // engine would otherwise try to update a grant that is not in the database yet (ENGINE-03002).
    if (newInThisCommand(TaskEntity.class, task.getId())) {
      for (AuthorizationEntity a : Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)) {
        if (a.getAuthorizationType() == AUTH_TYPE_GRANT && a.getResourceType() == Resources.TASK.resourceType()
            && task.getId().equals(a.getResourceId()) && a.getUserId() == null && groupId.equals(a.getGroupId())) {
          a.addPermission(getDefaultUserPermissionForTask());
          return null;
        }
      }
    }
    return super.newTaskGroupIdentityLink(task, groupId, type);
  }

  @Override
  public AuthorizationEntity[] newTask(Task task) {
    Optional<CaseScopes.Scope> scope = plugin.scopeOf(task);
    if (scope.isEmpty()) {
      return super.newTask(task);
    }
    CaseScopes.Scope s = scope.get();
    List<AuthorizationEntity> out = new ArrayList<>();
    for (String group : List.of(Roles.classGroup(s.classId()), Roles.schoolGroup(s.schoolId()))) {
      out.add(createOrUpdateAuthorization(task, null, group, Resources.TASK, false, Permissions.READ));
      out.add(createOrUpdateAuthorization(task, null, group, Resources.HISTORIC_TASK, true, HistoricTaskPermissions.READ));
    }
    String pi = task.getProcessInstanceId();
    String root = ((TaskEntity) task).getProcessInstance().getRootProcessInstanceId();
    List<String[]> who = new ArrayList<>();
    who.add(new String[] {null, Roles.classGroup(s.classId())});
    who.add(new String[] {null, Roles.schoolGroup(s.schoolId())});
    if (s.mentor() != null) {
      who.add(new String[] {s.mentor(), null});
    }
    for (String[] w : who) {
      out.add(instanceGrant(w[0], w[1], Resources.PROCESS_INSTANCE, Permissions.READ, pi, null));
      out.add(instanceGrant(w[0], w[1], Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ, pi, root));
    }
    return out.stream().filter(Objects::nonNull).toArray(AuthorizationEntity[]::new);
  }

  /**
   * READ on a process instance, unless it is granted already: in this command (two tasks of a parallel
   * fork are created together, before anything is flushed) or in the database. The instance's grants in
   * the database are read in one query the first time the command needs them (a monthly talk asked for
   * each of its two to three holders and both resources: six queries before).
   */
  private AuthorizationEntity instanceGrant(String userId, String groupId, Resource resource, Permission read, String instanceId,
      String root) {
    boolean newInstance = newInThisCommand(org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity.class, instanceId);
    if (!newInstance && !grantsLoaded(instanceId)) {
      loadGrants(instanceId);
    }
    for (AuthorizationEntity a : Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)) {
      if (a.getAuthorizationType() == AUTH_TYPE_GRANT && a.getResourceType() == resource.resourceType()
          && instanceId.equals(a.getResourceId()) && Objects.equals(userId, a.getUserId()) && Objects.equals(groupId, a.getGroupId())) {
        if (a.isPermissionGranted(read) || newInThisCommand(AuthorizationEntity.class, a.getId())) {
          return null;
        }
        addPermissions(a, read);
        return a;
      }
    }
    AuthorizationEntity a = createGrantAuthorization(userId, groupId, resource, instanceId, read);
    if (root != null) {
      a.setRootProcessInstanceId(root);
    }
    return a;
  }

  /** Whether this command holds grants on the instance read from the database. */
  private static boolean grantsLoaded(String instanceId) {
    org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache cache = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
    for (AuthorizationEntity a : cache.getEntitiesByType(AuthorizationEntity.class)) {
      if (instanceId.equals(a.getResourceId()) && a.getId() != null) {
        org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity c = cache.getCachedEntity(AuthorizationEntity.class, a.getId());
        if (c != null && c.getEntityState() != org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState.TRANSIENT) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every grant on the instance (any holder, runtime and history) into the command's cache, in one query. */
  private static void loadGrants(String instanceId) {
    org.camunda.bpm.engine.impl.interceptor.CommandContext ctx = Context.getCommandContext();
    boolean checking = ctx.isAuthorizationCheckEnabled();
    ctx.disableAuthorizationCheck(); // whoever works the task, every grant of the instance counts
    try {
      org.camunda.bpm.engine.impl.AuthorizationQueryImpl query = new org.camunda.bpm.engine.impl.AuthorizationQueryImpl();
      query.resourceId(instanceId);
      ctx.getAuthorizationManager().selectAuthorizationByQueryCriteria(query);
    } finally {
      if (checking) {
        ctx.enableAuthorizationCheck();
      }
    }
  }

  /**
   * The engine looks for an existing grant on a task in the database before it makes one. A task made in
   * this command has none there yet (nothing is flushed before the command ends), so only this command's
   * own grants can exist: looked up in its entity cache instead, which saves two queries per grant when a
   * case starts (a roster import starts thousands; docs/PERFORMANCE.md).
   */
  @Override
  protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId, Resource resource) {
    if (!newInThisCommand(TaskEntity.class, taskId)) {
      return super.getGrantAuthorization(taskId, userId, groupId, resource);
    }
    for (AuthorizationEntity a : Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)) {
      if (a.getAuthorizationType() == AUTH_TYPE_GRANT && a.getResourceType() == resource.resourceType() && taskId.equals(a.getResourceId())
          && Objects.equals(userId, a.getUserId()) && Objects.equals(groupId, a.getGroupId())) {
        return a;
      }
    }
    SEARCHED_IN_VAIN.set(new Search(Context.getCommandContext(), userId, groupId, resource.resourceType(), taskId));
    return null;
  }

  /**
   * The engine makes the grant that {@link #getGrantAuthorization} did not find and then searches the
   * command's cache for the same grant once more. Right after a search of ours in vain nothing has been
   * added to the cache (the grant is only made in between), so that second search is skipped: in a roster
   * import's chunk the cache holds the grants of fifty cases, and each grant searched them twice.
   */
  @Override
  protected void updateAuthorizationBasedOnCacheEntries(AuthorizationEntity authorization, String userId, String groupId, Resource resource,
      String resourceId) {
    Search last = SEARCHED_IN_VAIN.get();
    SEARCHED_IN_VAIN.remove();
    if (last != null && last.equals(new Search(Context.getCommandContext(), userId, groupId, resource.resourceType(), resourceId))) {
      return;
    }
    super.updateAuthorizationBasedOnCacheEntries(authorization, userId, groupId, resource, resourceId);
  }

  /**
   * A search of the command's cache for a grant on a new task that found none. The command by its identity
   * hash, so that a thread keeps no finished command alive; with the new task's id, unique, that is enough.
   */
  private record Search(int command, String userId, String groupId, int resourceType, String resourceId) {
    Search(Object command, String userId, String groupId, int resourceType, String resourceId) {
      this(System.identityHashCode(command), userId, groupId, resourceType, resourceId);
    }
  }

  private static final ThreadLocal<Search> SEARCHED_IN_VAIN = new ThreadLocal<>();

  /** Whether the entity was created in the running command and not yet written to the database. */
  private static boolean newInThisCommand(Class<? extends org.camunda.bpm.engine.impl.db.DbEntity> type, String id) {
    org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity cached =
        Context.getCommandContext().getDbEntityManager().getDbEntityCache().getCachedEntity(type, id);
    return cached != null && cached.getEntityState() == org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState.TRANSIENT;
  }

  private static final int AUTH_TYPE_GRANT = org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
}
