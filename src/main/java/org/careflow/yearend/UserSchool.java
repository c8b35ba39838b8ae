package org.careflow.yearend;

import java.util.TreeSet;
import org.careflow.identity.CurrentUser;
import org.careflow.school.School;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.SchoolRepository;
import org.careflow.shared.NotFoundException;

/**
 * The school a coordinator or supervisor works on here: the one they look after (their first
 * {@code school-<id>} group), else their own as a teacher; an administrator with neither gets the first
 * school. Anyone else has none (404): another school's classes are not theirs to promote or commend.
 */
final class UserSchool {

  private UserSchool() {}

  static School of(CurrentUser u, SchoolDirectory schools, SchoolRepository all) {
    if (!u.schools().isEmpty()) {
      return all.findById(new TreeSet<>(u.schools()).first()).orElseThrow(() -> new NotFoundException("school"));
    }
    return schools.teacher(u.id()).map(t -> t.getSchool())
        .or(() -> u.isAdmin() ? all.findAll().stream().findFirst() : java.util.Optional.empty())
        .orElseThrow(() -> new NotFoundException("school"));
  }
}
