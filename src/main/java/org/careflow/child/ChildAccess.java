package org.careflow.child;

import java.util.List;
import org.careflow.identity.CurrentUser;

/**
 * Who may see a child (their page, their case's diagram and tasks): an administrator; the people who
 * look after the child's school (a supervisor, coordinator or counsellor in its {@code school-<id>}
 * group); the class teacher of the child's class; the mentor of one of the child's cases. Nobody else:
 * a subject teacher sees no child's file unless they are the child's mentor. The engine's authorizations
 * say the same for the REST API and the webapps (identity.ScopedAuthorizationProvider).
 */
public final class ChildAccess {

  private ChildAccess() {}

  public static boolean maySee(CurrentUser u, Child child, List<CareCase> cases) {
    return u.seesSchool(child.getSchoolClass().getSchool().getId())
        || u.id().equals(child.getSchoolClass().getClassTeacher())
        || cases.stream().anyMatch(c -> u.id().equals(c.getMentor()));
  }
}
