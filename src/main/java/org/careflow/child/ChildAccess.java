package org.careflow.child;

import java.util.List;
import org.careflow.identity.CurrentUser;

/**
 * Who may see a child: the class teacher of the child's class, the child's mentor, and the roles that
 * look after the whole school. (Scoping supervisors to their own schools is issue 6.)
 */
public final class ChildAccess {

  private ChildAccess() {}

  public static boolean maySee(CurrentUser u, Child child, List<CareCase> cases) {
    return u.seesWholeSchool()
        || u.id().equals(child.getSchoolClass().getClassTeacher())
        || cases.stream().anyMatch(c -> u.id().equals(c.getMentor()));
  }
}
