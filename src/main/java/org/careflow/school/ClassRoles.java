package org.careflow.school;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Who works a class's tasks (BPMN: {@code ${classRoles.classTeacherOf(classId)}}), read when the task is created. */
@Component("classRoles")
@Transactional(readOnly = true)
public class ClassRoles {

  private final SchoolDirectory schools;

  public ClassRoles(SchoolDirectory schools) {
    this.schools = schools;
  }

  public String classTeacherOf(Object classId) {
    long id = classId instanceof Number n ? n.longValue() : Long.parseLong(classId.toString());
    return schools.schoolClass(id).getClassTeacher();
  }
}
