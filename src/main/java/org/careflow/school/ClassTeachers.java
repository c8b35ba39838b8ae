package org.careflow.school;

import org.careflow.identity.Accounts;
import org.careflow.identity.ScopeAuthorizations;
import org.careflow.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A class gets a new class teacher: the class row, the class's group (what the engine reads) and the
 * class's open tasks move together, in one transaction.
 */
@Service
public class ClassTeachers {

  private final SchoolDirectory schools;
  private final TeacherRepository teachers;
  private final Accounts accounts;
  private final ScopeAuthorizations grants;

  ClassTeachers(SchoolDirectory schools, TeacherRepository teachers, Accounts accounts, ScopeAuthorizations grants) {
    this.schools = schools;
    this.teachers = teachers;
    this.accounts = accounts;
    this.grants = grants;
  }

  /** Answers the ids of the class's open tasks that moved to the new class teacher. */
  @Transactional
  public java.util.List<String> change(long classId, String newTeacher) {
    SchoolClass c = schools.schoolClass(classId);
    Teacher t = teachers.findByUsername(newTeacher == null ? "" : newTeacher).orElse(null);
    if (t == null || !t.isActive() || !t.getSchool().getId().equals(c.getSchool().getId())) {
      throw InvalidInputException.of("classTeacher", "validation.option");
    }
    String old = c.getClassTeacher();
    c.setClassTeacher(newTeacher);
    accounts.setClassTeacher(classId, newTeacher);
    return grants.classTasksHandedOver(classId, old, newTeacher);
  }
}
