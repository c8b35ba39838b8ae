package org.careflow.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Creates users and the role groups in the engine's identity store (the one store for all logins). */
@Service
public class Accounts {

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public Accounts(IdentityService identity, AuthorizationService authorizations) {
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
  public void ensureRoleGroups() {
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
  public int reduceOwnUserGrants() {
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

  // -- scope groups (see Roles) -------------------------------------------------------------------

  private void ensureGroup(String id, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group g = identity.newGroup(id);
      g.setName(id);
      g.setType(type);
      identity.saveGroup(g);
    }
  }

  /**
   * The class's group holds its class teacher and nobody else: a new class teacher is a change of
   * membership, and the engine's per-task and per-case grants to the group follow at once.
   */
  public void setClassTeacher(long classId, String user) {
    String group = Roles.classGroup(classId);
    ensureGroup(group, "CLASS");
    for (User u : identity.createUserQuery().memberOfGroup(group).list()) {
      if (!u.getId().equals(user)) {
        identity.deleteMembership(u.getId(), group);
      }
    }
    if (user != null && exists(user) && identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
      identity.createMembership(user, group);
    }
  }

  /**
   * Makes a supervisor, coordinator or counsellor look after a school: the school's group (reading its
   * cases) and the school's group of each of their school-wide roles (the tasks offered to that role).
   */
  public void addToSchool(String user, long schoolId) {
    java.util.List<String> groups = new java.util.ArrayList<>();
    groups.add(Roles.schoolGroup(schoolId));
    for (String role : Roles.SCHOOL_ROLES) {
      if (identity.createUserQuery().userId(user).memberOfGroup(role).count() > 0) {
        groups.add(Roles.schoolRoleGroup(schoolId, role));
      }
    }
    for (String g : groups) {
      ensureGroup(g, "SCHOOL");
      if (identity.createUserQuery().userId(user).memberOfGroup(g).count() == 0) {
        identity.createMembership(user, g);
      }
    }
  }

  /**
   * True when the class's group holds exactly {@code user} (an existing user): what
   * {@link #setClassTeacher} would leave, so it has nothing to do. One query.
   */
  public boolean classTeacherInStep(long classId, String user) {
    if (user == null) {
      return false;
    }
    java.util.List<User> members = identity.createUserQuery().memberOfGroup(Roles.classGroup(classId)).list();
    return members.size() == 1 && members.get(0).getId().equals(user);
  }

  /**
   * True when a user with these groups ({@link #groupsOf}) is in the school's group and in the school's
   * group of each of their school-wide roles: what {@link #addToSchool} would leave, so it has nothing to do.
   */
  public static boolean placedInSchool(java.util.List<String> groups, long schoolId) {
    if (!groups.contains(Roles.schoolGroup(schoolId))) {
      return false;
    }
    for (String role : Roles.SCHOOL_ROLES) {
      if (groups.contains(role) && !groups.contains(Roles.schoolRoleGroup(schoolId, role))) {
        return false;
      }
    }
    return true;
  }

  /** The schools a user looks after (their {@code school-<id>} groups). */
  public java.util.Set<Long> schoolsOf(String user) {
    return groupsOf(user).stream().map(Roles::schoolOf).filter(java.util.Objects::nonNull)
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  /** Every group of a user: roles and scope groups. */
  public java.util.List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
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

  /**
   * Creates the user when missing (an existing user keeps their password) and adds the roles. The password
   * is not checked against {@link PasswordRules} here: this seeds the demo school's published accounts and
   * the tests' fixtures. A password a person chose must be checked first (IdentityBootstrap does for the
   * first administrator); every other door (REST, Camunda Admin, /account/password) checks it itself.
   */
  public void ensureUser(String id, String displayName, String password, String... roles) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setFirstName(displayName);
      u.setLastName("");
      u.setPassword(password);
      u.setEmail(id + "@school.example");
      ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(u, true);
    }
    for (String role : roles) {
      if (identity.createUserQuery().userId(id).memberOfGroup(role).count() == 0) {
        identity.createMembership(id, role);
      }
    }
  }

  /** The roles that set-up and the staff page give and take (administrators are made in Camunda Admin only). */
  public static final java.util.List<String> ASSIGNABLE = java.util.List.of(Roles.TEACHER, Roles.SUBJECT_TEACHER, Roles.MENTOR,
      Roles.COUNSELLOR, Roles.COORDINATOR, Roles.SUPERVISOR);

  /** A new user with this password; their name is the display name in the webapps. */
  public void createUser(String id, String displayName, String password) {
    User u = identity.newUser(id);
    u.setFirstName(displayName);
    u.setLastName("");
    u.setPassword(password);
    identity.saveUser(u);
  }

  public void setDisplayName(String id, String displayName) {
    User u = identity.createUserQuery().userId(id).singleResult();
    if (u != null && !java.util.Objects.equals(u.getFirstName(), displayName)) {
      u.setFirstName(displayName);
      identity.saveUser(u);
    }
  }

  public void setPassword(String id, String password) {
    User u = identity.createUserQuery().userId(id).singleResult();
    u.setPassword(password);
    identity.saveUser(u);
  }

  /** Whether this is the user's password (counts towards the engine's lock-out, as every login does). */
  public boolean checkPassword(String id, String password) {
    return exists(id) && identity.checkPassword(id, password);
  }

  /** The user's roles among {@link #ASSIGNABLE}. */
  public java.util.Set<String> rolesOf(String id) {
    java.util.Set<String> roles = new java.util.TreeSet<>(groupsOf(id));
    roles.retainAll(ASSIGNABLE);
    return roles;
  }

  /** Gives the user exactly these of the {@link #ASSIGNABLE} roles (an administrator stays one). */
  public void setRoles(String id, java.util.Collection<String> roles) {
    java.util.Set<String> had = rolesOf(id);
    for (String r : ASSIGNABLE) {
      if (roles.contains(r) && !had.contains(r)) {
        identity.createMembership(id, r);
      } else if (!roles.contains(r) && had.contains(r)) {
        identity.deleteMembership(id, r);
      }
    }
  }

  /**
   * The user's school groups follow their roles: with a school-wide role they look after the school
   * (and get the school's group of each such role, and lose those of roles they no longer have);
   * without one they leave the school's groups.
   */
  public void syncSchoolRoles(String user, long schoolId) {
    java.util.List<String> groups = groupsOf(user);
    boolean schoolWide = Roles.SCHOOL_ROLES.stream().anyMatch(groups::contains);
    for (String g : groups) {
      boolean ofThisSchool = g.equals(Roles.schoolGroup(schoolId)) || g.startsWith(Roles.schoolGroup(schoolId) + "-");
      String role = Roles.roleOfSchoolGroup(g);
      if (ofThisSchool && (!schoolWide || (role != null && !groups.contains(role)))) {
        identity.deleteMembership(user, g);
      }
    }
    if (schoolWide) {
      addToSchool(user, schoolId);
    }
  }

  /** Someone left: every group goes (roles and scope), so they see nothing and are offered nothing. */
  public void removeAllGroups(String user) {
    for (String g : groupsOf(user)) {
      identity.deleteMembership(user, g);
    }
  }

  public boolean exists(String id) {
    return identity.createUserQuery().userId(id).count() > 0;
  }

  /** A user's e-mail address and display name, for the digest; empty when the user has no address. */
  public java.util.Optional<Contact> contact(String id) {
    User u = identity.createUserQuery().userId(id).singleResult();
    if (u == null || u.getEmail() == null || u.getEmail().isBlank()) {
      return java.util.Optional.empty();
    }
    String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " " + (u.getLastName() == null ? "" : u.getLastName())).trim();
    return java.util.Optional.of(new Contact(id, name.isEmpty() ? id : name, u.getEmail()));
  }

  /** The name a person goes by (the account's first and last name), or the account name when it has none. */
  /**
   * The names of several people at once, as colleagues know them; an id with no account (a deleted
   * user) stays as it is. For pages that show who wrote or changed something.
   */
  public java.util.Map<String, String> personNames(java.util.Collection<String> ids) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    java.util.List<String> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    if (wanted.isEmpty()) {
      return out;
    }
    for (User u : identity.createUserQuery().userIdIn(wanted.toArray(String[]::new)).list()) {
      String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " " + (u.getLastName() == null ? "" : u.getLastName())).trim();
      out.put(u.getId(), name.isEmpty() ? u.getId() : name);
    }
    wanted.forEach(id -> out.putIfAbsent(id, id));
    return out;
  }

  public String personName(String id) {
    User u = identity.createUserQuery().userId(id).singleResult();
    if (u == null) {
      return id;
    }
    String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " " + (u.getLastName() == null ? "" : u.getLastName())).trim();
    return name.isEmpty() ? id : name;
  }

  /** The user ids in a role group. */
  public java.util.List<String> members(String role) {
    return identity.createUserQuery().memberOfGroup(role).list().stream().map(User::getId).toList();
  }

  public record Contact(String id, String name, String email) {}
}
