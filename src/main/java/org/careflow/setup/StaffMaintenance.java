package org.careflow.setup;

import static org.careflow.setup.SchoolsInCharge.text;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.careflow.child.CareCases;
import org.careflow.identity.Accounts;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.InitialPasswords;
import org.careflow.identity.Roles;
import org.careflow.identity.ScopeAuthorizations;
import org.careflow.inbox.TaskWork;
import org.careflow.school.ClassTeachers;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's staff from the set-up pages: someone new with an account, their roles, a new password,
 * and the handover when someone leaves. Each action is one transaction, checked before anything is
 * written, and audited.
 */
@Service
class StaffMaintenance {

  private final SchoolsInCharge inCharge;
  private final SchoolClassRepository classes;
  private final TeacherRepository teachers;
  private final Accounts accounts;
  private final InitialPasswords passwords;
  private final ClassTeachers classTeachers;
  private final ScopeAuthorizations grants;
  private final CareCases cases;
  private final TaskService tasks;
  private final TaskWork work;
  private final Audit audit;

  StaffMaintenance(SchoolsInCharge inCharge, SchoolClassRepository classes, TeacherRepository teachers, Accounts accounts,
      InitialPasswords passwords, ClassTeachers classTeachers, ScopeAuthorizations grants, CareCases cases, TaskService tasks,
      TaskWork work, Audit audit) {
    this.inCharge = inCharge;
    this.classes = classes;
    this.teachers = teachers;
    this.accounts = accounts;
    this.passwords = passwords;
    this.classTeachers = classTeachers;
    this.grants = grants;
    this.cases = cases;
    this.tasks = tasks;
    this.work = work;
    this.audit = audit;
  }

  private Set<String> roles(Collection<String> given, FieldErrors errors) {
    Set<String> roles = new LinkedHashSet<>();
    for (String r : given == null ? List.<String>of() : given) {
      if (!Accounts.ASSIGNABLE.contains(r)) {
        errors.reject("roles", "validation.option");
      } else {
        roles.add(r);
      }
    }
    if (roles.isEmpty()) {
      errors.reject("roles", "validation.required");
    }
    return roles;
  }

  private static void maxMentees(Integer max, FieldErrors errors) {
    if (max != null && (max < 0 || max > SetupWorkbook.MAX_MENTEES_LIMIT)) {
      errors.reject("maxMentees", "validation.range", 0, SetupWorkbook.MAX_MENTEES_LIMIT);
    }
  }

  /** A new member of staff with an account; answers their initial password (shown once). */
  @Transactional
  public String addStaff(CurrentUser user, long schoolId, String username, String name, String phone, Collection<String> roleList,
      Integer maxMentees, String subject) {
    School s = inCharge.school(user, schoolId);
    FieldErrors errors = new FieldErrors();
    String id = text(username, "username", 64, true, errors);
    if (id != null && !SetupWorkbook.USER_ID.matcher(id).matches()) {
      errors.reject("username", "setup.usernameInvalid");
    } else if (id != null && (accounts.exists(id) || teachers.findByUsername(id).isPresent())) {
      errors.reject("username", "setup.usernameTaken", id);
    }
    String n = text(name, "name", 50, true, errors);
    if (n != null && SetupWorkbook.BAD_NAME.matcher(n).find()) {
      errors.reject("name", "validation.nameCharacters");
    }
    String p = text(phone, "phone", 20, false, errors);
    if (p != null && !SetupWorkbook.PHONE_NUMBER.matcher(p).matches()) {
      errors.reject("phone", "validation.phone");
    }
    Set<String> roles = roles(roleList, errors);
    maxMentees(maxMentees, errors);
    String sub = text(subject, "subject", 50, false, errors);
    errors.throwIfAny();
    Teacher t = new Teacher(id, n, s, sub, roles.contains(Roles.MENTOR));
    t.setPhone(p);
    t.setMaxMentees(maxMentees);
    teachers.save(t);
    accounts.createUser(id, n, InitialPasswords.random());
    String password = passwords.issue(id, user.id());
    accounts.setRoles(id, roles);
    accounts.syncSchoolRoles(id, s.getId());
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null, "教职工 " + id + ": created, roles " + roles);
    return password;
  }

  @Transactional
  public void changeRoles(CurrentUser user, String username, Collection<String> roleList, Integer maxMentees) {
    Teacher t = inCharge.teacher(user, username);
    FieldErrors errors = new FieldErrors();
    if (!t.isActive()) {
      errors.reject("roles", "setup.inactive", username);
    }
    Set<String> roles = roles(roleList, errors);
    maxMentees(maxMentees, errors);
    if (!roles.contains(Roles.TEACHER) && !classes.findByClassTeacherOrderByName(username).isEmpty()) {
      errors.reject("roles", "setup.stillClassTeacher");
    }
    errors.throwIfAny();
    accounts.setRoles(username, roles);
    accounts.syncSchoolRoles(username, t.getSchool().getId());
    t.setMentor(roles.contains(Roles.MENTOR));
    t.setMaxMentees(maxMentees);
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null, "教职工 " + username + ": roles " + roles + ", 可带学生数 " + maxMentees);
  }

  /** A new random password, to be changed at the next page login; answers it (shown once). */
  @Transactional
  public String resetPassword(CurrentUser user, String username) {
    Teacher t = inCharge.teacher(user, username);
    if (!t.isActive()) {
      throw InvalidInputException.of("username", "setup.inactive", username);
    }
    String password = passwords.issue(username, user.id());
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null, "教职工 " + username + ": password reset");
    return password;
  }

  public record Handover(int classes, int mentees, int tasks) {}

  /**
   * Someone left: their classes, their mentees and their open tasks go to the colleague chosen first
   * (claimed tasks of a role go back to the role), then they lose their groups and their password, and
   * nothing is left without someone to do it.
   */
  @Transactional
  public Handover deactivate(CurrentUser user, String username, String successor) {
    Teacher t = inCharge.teacher(user, username);
    FieldErrors errors = new FieldErrors();
    if (!t.isActive()) {
      errors.reject("username", "setup.inactive", username);
    }
    if (username.equals(user.id())) {
      errors.reject("username", "setup.notYourself");
    }
    Teacher to = username.equals(successor) ? null : inCharge.activeColleague(t.getSchool(), successor, "successor", errors);
    if (to == null && !errors.has("successor")) {
      errors.reject("successor", "validation.option");
    }
    errors.throwIfAny();
    int classCount = 0;
    for (SchoolClass c : classes.findByClassTeacherOrderByName(username)) {
      inCharge.addRole(to, Roles.TEACHER);
      for (String task : classTeachers.change(c.getId(), to.getUsername())) {
        work.noteMoved(task, user.id(), to.getUsername(), "离校交接：" + c.getName() + " 由 " + username + " 转给 " + to.getUsername());
      }
      classCount++;
    }
    List<Long> mentees = cases.openCasesOfMentor(username);
    if (!mentees.isEmpty()) {
      inCharge.addRole(to, Roles.MENTOR);
    }
    for (Long caseId : mentees) {
      cases.changeMentor(caseId, to.getUsername());
    }
    int taskCount = 0;
    for (Task task : tasks.createTaskQuery().taskAssignee(username).list()) {
      boolean offeredToGroup = tasks.getIdentityLinksForTask(task.getId()).stream()
          .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null);
      tasks.setAssignee(task.getId(), offeredToGroup ? null : to.getUsername());
      grants.assigneeRemoved(task.getId(), username);
      work.noteMoved(task.getId(), user.id(), offeredToGroup ? null : to.getUsername(), "离校交接：" + username + " 的任务"
          + (offeredToGroup ? "退回待领取" : "转给 " + to.getUsername()));
      taskCount++;
    }
    t.setActive(false);
    t.setMentor(false);
    accounts.removeAllGroups(username);
    accounts.setPassword(username, InitialPasswords.random() + InitialPasswords.random()); // nobody knows it: no more logins
    passwords.changed(username);
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null, "教职工 " + username + ": left, handed to " + to.getUsername()
        + " (" + classCount + " classes, " + mentees.size() + " mentees, " + taskCount + " tasks)");
    return new Handover(classCount, mentees.size(), taskCount);
  }
}
