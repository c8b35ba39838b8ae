package org.careflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Creates users and the role groups in the engine's identity store (the one store for all logins). */
@Service
public class Accounts {

  private final IdentityService identity;

  public Accounts(IdentityService identity) {
    this.identity = identity;
  }

  public void ensureRoleGroups() {
    for (String role : Roles.ALL) {
      if (identity.createGroupQuery().groupId(role).count() == 0) {
        Group g = identity.newGroup(role);
        g.setName(role);
        g.setType(Roles.ADMIN.equals(role) ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(g);
      }
    }
  }

  /** Creates the user when missing (an existing user keeps their password) and adds the roles. */
  public void ensureUser(String id, String displayName, String password, String... roles) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setFirstName(displayName);
      u.setLastName("");
      u.setPassword(password);
      u.setEmail(id + "@school.example");
      identity.saveUser(u);
    }
    for (String role : roles) {
      if (identity.createUserQuery().userId(id).memberOfGroup(role).count() == 0) {
        identity.createMembership(id, role);
      }
    }
  }

  public boolean exists(String id) {
    return identity.createUserQuery().userId(id).count() > 0;
  }
}
