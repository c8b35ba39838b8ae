package org.careflow.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;

/**
 * The role groups and their global grants in the engine (what each role may do in Tasklist, Cockpit and
 * Admin), kept in step at every start, and the own-user grants earlier versions gave. {@link Accounts}
 * is the door to it.
 */
final class RoleGroupGrants {

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  RoleGroupGrants(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  /**
   * The role groups and what each may do in the engine's own doors (REST API and webapps, where the
   * engine checks authorizations): everyone works tasks in Tasklist, whose own task permissions the
   * engine grants on assignment; coordinators and supervisors also watch the processes in Cockpit.
   * Only administrators use the Admin webapp. Nobody but administrators has a global READ on tasks,
   * process instances or history: those are granted per task and instance to the class's and the
   * school's groups and the mentor (ScopedAuthorizationProvider, ScopeSync), so the engine shows each
   * user the same children as careflow's pages. Grants that earlier versions gave are withdrawn here.
   */
  void ensureRoleGroups() {
    // Two queries when everything is in step (every start): the role groups there are, and their grants.
    // Only what is missing or different is written, as before.
    java.util.Set<String> groups = new java.util.HashSet<>();
    identity.createGroupQuery().groupIdIn(Roles.ALL.toArray(String[]::new)).list().forEach(g -> groups.add(g.getId()));
    for (String role : Roles.ALL) {
      if (!groups.contains(role)) {
        Group g = identity.newGroup(role);
        g.setName(role);
        g.setType(Roles.ADMIN.equals(role) ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(g);
      }
    }
    ReadGrants grants = new ReadGrants(new java.util.HashMap<>(), new java.util.HashSet<>());
    for (Authorization a : authorizations.createAuthorizationQuery().groupIdIn(Roles.ALL.toArray(String[]::new))
        .authorizationType(Authorization.AUTH_TYPE_GRANT).list()) {
      grants.read().put(grantKey(a.getGroupId(), a.getResourceType(), a.getResourceId()), a);
    }
    for (String role : Roles.ALL) {
      if (Roles.ADMIN.equals(role)) {
        continue;
      }
      grant(grants, role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(grants, role, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
      grant(grants, role, Resources.FILTER, "*", Permissions.READ);
      // the webapps re-read the logged-in user and show colleagues' names on tasks
      grant(grants, role, Resources.USER, "*", Permissions.READ);
      grant(grants, role, Resources.GROUP, "*", Permissions.READ);
    }
    for (String role : java.util.List.of(Roles.COORDINATOR, Roles.SUPERVISOR)) {
      grant(grants, role, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(grants, role, Resources.DECISION_DEFINITION, "*", Permissions.READ);
      grant(grants, role, Resources.DEPLOYMENT, "*", Permissions.READ);
      // every school's cases: no longer; their schools' cases come per instance
      withdraw(grants, role, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      withdraw(grants, role, Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY);
    }
    // Administrators may do everything, in the engine too (as Camunda's own first-admin setup grants).
    for (Resources resource : Resources.values()) {
      grant(grants, Roles.ADMIN, resource, "*", Permissions.ALL);
    }
    // Coordinators redesign the processes: they deploy (checked by the project's rules) from the
    // desktop Modeler over REST or from careflow's pages.
    grant(grants, Roles.COORDINATOR, Resources.DEPLOYMENT, "*", Permissions.CREATE);
  }

  private static String grantKey(String group, int resourceType, String resourceId) {
    return group + "\u0000" + resourceType + "\u0000" + resourceId;
  }

  /**
   * The role groups' grants read at once: a row not in {@code read} was missing; a row this start wrote
   * ({@code written}) is read afresh by the engine query should it be granted or withdrawn again.
   */
  private record ReadGrants(java.util.Map<String, Authorization> read, java.util.Set<String> written) {
    /** The row as read, or null when it was missing; empty when it must be read afresh. */
    java.util.Optional<java.util.Optional<Authorization>> known(String key) {
      return written.contains(key) ? java.util.Optional.empty() : java.util.Optional.of(java.util.Optional.ofNullable(read.get(key)));
    }
  }

  private void grant(ReadGrants grants, String group, Resource resource, String resourceId, Permission permission) {
    String key = grantKey(group, resource.resourceType(), resourceId);
    var known = grants.known(key);
    if (known.isPresent() && known.get().map(a -> a.isPermissionGranted(permission)).orElse(false)) {
      return;
    }
    grant(group, resource, resourceId, permission);
    grants.written().add(key);
  }

  private void withdraw(ReadGrants grants, String group, Resource resource, String resourceId, Permission permission) {
    String key = grantKey(group, resource.resourceType(), resourceId);
    var known = grants.known(key);
    if (known.isPresent() && !known.get().map(a -> a.isPermissionGranted(permission)).orElse(false)) {
      return;
    }
    withdraw(group, resource, resourceId, permission);
    grants.written().add(key);
  }

  /**
   * A user may read their own user entry but no longer change it (name, e-mail; earlier versions and the
   * engine's default gave them ALL): profiles are kept by administrators, passwords change on
   * /account/password. Returns how many grants were reduced.
   */
  int reduceOwnUserGrants() {
    int reduced = 0;
    for (Authorization a : authorizations.createAuthorizationQuery().resourceType(Resources.USER)
        .authorizationType(Authorization.AUTH_TYPE_GRANT).list()) {
      if (a.getUserId() == null || !a.getUserId().equals(a.getResourceId())) {
        continue;
      }
      if (a.isPermissionGranted(Permissions.UPDATE) || a.isPermissionGranted(Permissions.DELETE) || a.isPermissionGranted(Permissions.ALL)) {
        a.setPermissions(new Permission[] {Permissions.READ});
        authorizations.saveAuthorization(a);
        reduced++;
      }
    }
    return reduced;
  }

  /** Takes a permission back from a group's global grant (an upgrade from a version that gave it). */
  private void withdraw(String group, Resource resource, String resourceId, Permission permission) {
    Authorization a = authorizations.createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
    if (a == null || !a.isPermissionGranted(permission)) {
      return;
    }
    a.removePermission(permission);
    authorizations.saveAuthorization(a);
  }

  /** The engine keeps one authorization per group and resource: a new permission is added to it. */
  private void grant(String group, Resource resource, String resourceId, Permission permission) {
    Authorization a = authorizations.createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
    if (a == null) {
      a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(group);
      a.setResource(resource);
      a.setResourceId(resourceId);
    } else if (a.isPermissionGranted(permission)) {
      return;
    }
    a.addPermission(permission);
    authorizations.saveAuthorization(a);
  }
}
