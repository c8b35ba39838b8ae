package org.careflow.setup;

import static org.careflow.setup.SchoolsInCharge.text;

import java.util.List;
import org.careflow.identity.Accounts;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.inbox.TaskWork;
import org.careflow.school.ClassTeachers;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.Teacher;
import org.careflow.shared.FieldErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's classes from the set-up pages: a new class, a new name, a new class teacher (班主任).
 * Each action is one transaction, checked before anything is written, and audited.
 */
@Service
class ClassMaintenance {

  private final SchoolsInCharge inCharge;
  private final SchoolClassRepository classes;
  private final Accounts accounts;
  private final ClassTeachers classTeachers;
  private final TaskWork work;
  private final Audit audit;

  ClassMaintenance(SchoolsInCharge inCharge, SchoolClassRepository classes, Accounts accounts, ClassTeachers classTeachers,
      TaskWork work, Audit audit) {
    this.inCharge = inCharge;
    this.classes = classes;
    this.accounts = accounts;
    this.classTeachers = classTeachers;
    this.work = work;
    this.audit = audit;
  }

  @Transactional
  public SchoolClass addClass(CurrentUser user, long schoolId, String name, Integer grade, String classTeacher) {
    School s = inCharge.school(user, schoolId);
    FieldErrors errors = new FieldErrors();
    String n = text(name, "name", 50, true, errors);
    if (n != null && classes.findBySchoolIdAndName(s.getId(), n).isPresent()) {
      errors.reject("name", "setup.classExists", n);
    }
    if (grade == null || grade < 1 || grade > 9) {
      errors.reject("grade", "validation.range", 1, 9);
    }
    Teacher t = inCharge.activeColleague(s, classTeacher, "classTeacher", errors);
    errors.throwIfAny();
    SchoolClass c = classes.save(new SchoolClass(s, n, grade, t.getUsername()));
    inCharge.addRole(t, Roles.TEACHER);
    accounts.setClassTeacher(c.getId(), t.getUsername());
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null, "班级 " + s.getName() + " " + n + ": created, 班主任 " + t.getUsername());
    return c;
  }

  @Transactional
  public void renameClass(CurrentUser user, long classId, String name) {
    SchoolClass c = inCharge.schoolClass(user, classId);
    FieldErrors errors = new FieldErrors();
    String n = text(name, "name", 50, true, errors);
    if (n != null && !n.equals(c.getName()) && classes.findBySchoolIdAndName(c.getSchool().getId(), n).isPresent()) {
      errors.reject("name", "setup.classExists", n);
    }
    errors.throwIfAny();
    if (!n.equals(c.getName())) {
      audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null, "班级 " + c.getName() + ": renamed " + n);
      c.setName(n);
    }
  }

  /** A new class teacher: the class's group (scope) and its open tasks follow, each task with a note. Answers the tasks moved. */
  @Transactional
  public int changeClassTeacher(CurrentUser user, long classId, String classTeacher) {
    SchoolClass c = inCharge.schoolClass(user, classId);
    FieldErrors errors = new FieldErrors();
    Teacher t = inCharge.activeColleague(c.getSchool(), classTeacher, "classTeacher", errors);
    errors.throwIfAny();
    String old = c.getClassTeacher();
    if (t.getUsername().equals(old)) {
      return 0;
    }
    inCharge.addRole(t, Roles.TEACHER);
    List<String> moved = classTeachers.change(classId, t.getUsername());
    for (String task : moved) {
      work.noteMoved(task, user.id(), t.getUsername(), "班主任变更：" + c.getName() + " 由 " + old + " 转给 " + t.getUsername());
    }
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null,
        "班级 " + c.getName() + ": 班主任 " + old + " → " + t.getUsername() + ", " + moved.size() + " open tasks moved");
    return moved.size();
  }
}
