package org.careflow.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Creates users and the role groups in the engine's identity store (the one store for all logins), and
 * keeps each user's role and scope groups (see {@link Roles}). The role groups' global grants are
 * {@link RoleGroupGrants}.
 */
@Service
public class Accounts {

  private final IdentityService identity;
  private final RoleGroupGrants roleGrants;

  public Accounts(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.roleGrants = new RoleGroupGrants(identity, authorizations);
  }

  /** The role groups and what each may do in the engine's own doors: see {@link RoleGroupGrants#ensureRoleGroups}. */
  public void ensureRoleGroups() {
    roleGrants.ensureRoleGroups();
  }

  /** A user may read their own user entry but no longer change it: see {@link RoleGroupGrants#reduceOwnUserGrants}. */
  public int reduceOwnUserGrants() {
    return roleGrants.reduceOwnUserGrants();
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

  /** The name a person goes by (the account's first and last name), or the account name when it has none. */
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