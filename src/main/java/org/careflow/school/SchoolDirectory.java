package org.careflow.school;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to schools, classes and teachers for the other modules. */
@Service
@Transactional(readOnly = true)
public class SchoolDirectory {

  private final SchoolClassRepository classes;
  private final TeacherRepository teachers;

  private final SchoolRepository schoolRows;

  public SchoolDirectory(SchoolClassRepository classes, TeacherRepository teachers, SchoolRepository schoolRows) {
    this.schoolRows = schoolRows;
    this.classes = classes;
    this.teachers = teachers;
  }

  public SchoolClass schoolClass(long classId) {
    return classes.findById(classId).orElseThrow(() -> new NotFoundException("class " + classId));
  }

  public List<SchoolClass> classesOf(String classTeacher) {
    return classes.findByClassTeacherOrderByName(classTeacher);
  }

  public List<Teacher> teachersOf(long schoolId) {
    return teachers.findBySchoolIdOrderByName(schoolId);
  }

  public java.util.Optional<Teacher> teacher(String username) {
    return teachers.findByUsername(username);
  }

  public String teacherName(String username) {
    return teachers.findByUsername(username).map(Teacher::getName).orElse(username);
  }

  public Map<String, String> teacherNames(java.util.Collection<String> usernames) {
    return teachers.findByUsernameIn(usernames).stream()
        .collect(Collectors.toMap(Teacher::getUsername, Teacher::getName));
  }

  /** Schools' names by id (unknown ids are left out). */
  public Map<Long, String> schoolNames(java.util.Collection<Long> ids) {
    return schoolRows.findAllById(ids).stream().collect(Collectors.toMap(School::getId, School::getName));
  }

  /** Classes' names by id (unknown ids are left out). */
  public Map<Long, String> classNames(java.util.Collection<Long> ids) {
    return classes.findAllById(ids).stream().collect(Collectors.toMap(SchoolClass::getId, SchoolClass::getName));
  }

  public Map<Long, SchoolClass> classesById(java.util.Collection<Long> ids) {
    return classes.findAllById(ids).stream().collect(Collectors.toMap(SchoolClass::getId, Function.identity()));
  }
}
