package org.careflow.setup;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.careflow.identity.Accounts;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The schools a user is in charge of (a coordinator their own, an administrator every one), and the
 * look-ups and checks every change to a school's set-up starts from. Not transactional on purpose: it
 * runs inside the transaction of the set-up action that calls it.
 */
@Component
class SchoolsInCharge {

  private final SchoolRepository schools;
  private final SchoolClassRepository classes;
  private final TeacherRepository teachers;
  private final Accounts accounts;

  SchoolsInCharge(SchoolRepository schools, SchoolClassRepository classes, TeacherRepository teachers, Accounts accounts) {
    this.schools = schools;
    this.classes = classes;
    this.teachers = teachers;
    this.accounts = accounts;
  }

  /** The schools this user may change: theirs (coordinator), every one (administrator). */
  List<School> schoolsOf(CurrentUser user) {
    if (user.isAdmin()) {
      return schools.findAll(org.springframework.data.domain.Sort.by("name"));
    }
    if (!user.has(Roles.COORDINATOR)) {
      return List.of();
    }
    return schools.findAllById(user.schools()).stream().sorted(java.util.Comparator.comparing(School::getName)).toList();
  }

  School school(CurrentUser user, long schoolId) {
    return schoolsOf(user).stream().filter(s -> s.getId() == schoolId).findFirst()
        .orElseThrow(() -> new NotFoundException("school " + schoolId));
  }

  SchoolClass schoolClass(CurrentUser user, long classId) {
    SchoolClass c = classes.findById(classId).orElseThrow(() -> new NotFoundException("class " + classId));
    school(user, c.getSchool().getId());
    return c;
  }

  Teacher teacher(CurrentUser user, String username) {
    Teacher t = teachers.findByUsername(username == null ? "" : username).orElseThrow(() -> new NotFoundException("teacher"));
    school(user, t.getSchool().getId());
    return t;
  }

  static String text(String value, String field, int max, boolean required, FieldErrors errors) {
    String v = value == null ? null : value.strip();
    if (v == null || v.isEmpty()) {
      if (required) {
        errors.reject(field, "validation.required");
      }
      return null;
    }
    if (v.length() > max) {
      errors.reject(field, "validation.tooLong", max);
      return null;
    }
    if (v.matches(".*[<>\\p{Cntrl}].*")) {
      errors.reject(field, "validation.characters");
      return null;
    }
    return v;
  }

  Teacher activeColleague(School school, String username, String field, FieldErrors errors) {
    Teacher t = username == null ? null : teachers.findByUsername(username).orElse(null);
    if (t == null || !t.isActive() || !t.getSchool().getId().equals(school.getId())) {
      errors.reject(field, "validation.option");
      return null;
    }
    return t;
  }

  /** Gives a colleague a role a new duty needs (class teacher, mentor), with the school's groups that go with it. */
  void addRole(Teacher t, String role) {
    Set<String> roles = new LinkedHashSet<>(accounts.rolesOf(t.getUsername()));
    if (roles.add(role)) {
      accounts.setRoles(t.getUsername(), roles);
      accounts.syncSchoolRoles(t.getUsername(), t.getSchool().getId());
    }
    if (Roles.MENTOR.equals(role)) {
      t.setMentor(true);
    }
  }
}
