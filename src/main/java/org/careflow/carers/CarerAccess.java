package org.careflow.carers;

import java.util.Set;
import java.util.TreeSet;
import org.careflow.child.Child;
import org.careflow.child.ChildArchive;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the carers of a school (see {@link Carers}), and the look-ups that answer 404 to
 * whoever may not. Runs in the transaction of the action that asks.
 */
@Component
class CarerAccess {

  private final CarerRepository carers;
  private final ChildArchive archive;
  private final SchoolDirectory schools;

  CarerAccess(CarerRepository carers, ChildArchive archive, SchoolDirectory schools) {
    this.carers = carers;
    this.archive = archive;
    this.schools = schools;
  }

  /** The schools of the classes this user teaches as class teacher. */
  private Set<Long> classTeacherSchools(CurrentUser u) {
    Set<Long> out = new TreeSet<>();
    if (u.has(Roles.TEACHER)) {
      schools.classesOf(u.id()).forEach(c -> out.add(c.getSchool().getId()));
    }
    return out;
  }

  /** Schools whose register this user keeps (adds, edits) and whose carers' phone numbers they see. */
  Set<Long> keptSchools(CurrentUser u) {
    Set<Long> out = classTeacherSchools(u);
    if (u.has(Roles.COORDINATOR)) {
      out.addAll(u.schools());
    }
    return out;
  }

  /** Schools whose register this user sees; null for an administrator: every school. */
  Set<Long> seenSchools(CurrentUser u) {
    if (u.isAdmin()) {
      return null;
    }
    Set<Long> out = keptSchools(u);
    out.addAll(u.schools());
    return out;
  }

  boolean sees(CurrentUser u, long schoolId) {
    Set<Long> seen = seenSchools(u);
    return seen == null || seen.contains(schoolId);
  }

  boolean mayPhone(CurrentUser u, long schoolId) {
    return keptSchools(u).contains(schoolId);
  }

  boolean coordinates(CurrentUser u, long schoolId) {
    return u.has(Roles.COORDINATOR) && u.schools().contains(schoolId);
  }

  /** A coordinator of the child's school, or the child's class teacher. */
  boolean mayRecordFor(CurrentUser u, Child child) {
    return coordinates(u, child.getSchoolClass().getSchool().getId()) || u.id().equals(child.getSchoolClass().getClassTeacher());
  }

  /** The carer, if they see the carer's school; else 404. */
  Carer carer(CurrentUser u, long id) {
    Carer c = carers.findById(id).orElseThrow(() -> new NotFoundException("carer"));
    if (!sees(u, c.getSchoolId())) {
      throw new NotFoundException("carer");
    }
    return c;
  }

  /** The carer, if they keep the carer's school's register; else 404. */
  Carer kept(CurrentUser u, long id) {
    Carer c = carers.findById(id).orElseThrow(() -> new NotFoundException("carer"));
    if (!keptSchools(u).contains(c.getSchoolId())) {
      throw new NotFoundException("carer");
    }
    return c;
  }

  /** The child, or 404. */
  Child child(long childId) {
    try {
      return archive.child(childId);
    } catch (RuntimeException e) {
      throw new NotFoundException("child");
    }
  }
}
