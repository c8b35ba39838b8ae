package org.careflow.setup;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.careflow.school.Holiday;
import org.careflow.school.HolidayRepository;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeping a school's set-up up to date from the pages: classes, staff and the term calendar.
 * Coordinators change their own schools, administrators every school. Each action is one transaction,
 * checked before anything is written, and audited.
 */
@Service
public class SchoolMaintenance {

  private final SchoolRepository schools;
  private final SchoolClassRepository classes;
  private final TeacherRepository teachers;
  private final TermRepository terms;
  private final HolidayRepository holidays;
  private final Accounts accounts;
  private final InitialPasswords passwords;
  private final ClassTeachers classTeachers;
  private final ScopeAuthorizations grants;
  private final CareCases cases;
  private final TaskService tasks;
  private final TaskWork work;
  private final Audit audit;
  private final org.careflow.school.TermCalendar termCalendar;

  SchoolMaintenance(SchoolRepository schools, SchoolClassRepository classes, TeacherRepository teachers, TermRepository terms,
      HolidayRepository holidays, Accounts accounts, InitialPasswords passwords, ClassTeachers classTeachers, ScopeAuthorizations grants,
      CareCases cases, TaskService tasks, TaskWork work, Audit audit, org.careflow.school.TermCalendar termCalendar) {
    this.termCalendar = termCalendar;
    this.schools = schools;
    this.classes = classes;
    this.teachers = teachers;
    this.terms = terms;
    this.holidays = holidays;
    this.accounts = accounts;
    this.passwords = passwords;
    this.classTeachers = classTeachers;
    this.grants = grants;
    this.cases = cases;
    this.tasks = tasks;
    this.work = work;
    this.audit = audit;
  }

  /** The schools this user may change: theirs (coordinator), every one (administrator). */
  @Transactional(readOnly = true)
  public List<School> schoolsOf(CurrentUser user) {
    if (user.isAdmin()) {
      return schools.findAll(org.springframework.data.domain.Sort.by("name"));
    }
    if (!user.has(Roles.COORDINATOR)) {
      return List.of();
    }
    return schools.findAllById(user.schools()).stream().sorted(java.util.Comparator.comparing(School::getName)).toList();
  }

  private School school(CurrentUser user, long schoolId) {
    return schoolsOf(user).stream().filter(s -> s.getId() == schoolId).findFirst()
        .orElseThrow(() -> new NotFoundException("school " + schoolId));
  }

  private SchoolClass schoolClass(CurrentUser user, long classId) {
    SchoolClass c = classes.findById(classId).orElseThrow(() -> new NotFoundException("class " + classId));
    school(user, c.getSchool().getId());
    return c;
  }

  private Teacher teacher(CurrentUser user, String username) {
    Teacher t = teachers.findByUsername(username == null ? "" : username).orElseThrow(() -> new NotFoundException("teacher"));
    school(user, t.getSchool().getId());
    return t;
  }

  @Transactional(readOnly = true)
  public List<SchoolClass> classes(CurrentUser user, long schoolId) {
    return classes.findBySchoolIdOrderByGradeAscNameAsc(school(user, schoolId).getId());
  }

  @Transactional(readOnly = true)
  public List<Teacher> staff(CurrentUser user, long schoolId) {
    return teachers.findBySchoolIdOrderByName(school(user, schoolId).getId());
  }

  @Transactional(readOnly = true)
  public List<Term> terms(CurrentUser user, long schoolId) {
    return terms.findBySchoolIdOrderByStartDate(school(user, schoolId).getId());
  }

  @Transactional(readOnly = true)
  public List<Holiday> holidays(CurrentUser user, long schoolId) {
    return holidays.findBySchoolIdOrderByStartDate(school(user, schoolId).getId());
  }

  @Transactional(readOnly = true)
  public Set<String> rolesOf(String username) {
    return accounts.rolesOf(username);
  }

  // -- classes ------------------------------------------------------------------------------------

  private static String text(String value, String field, int max, boolean required, FieldErrors errors) {
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

  private Teacher activeColleague(School school, String username, String field, FieldErrors errors) {
    Teacher t = username == null ? null : teachers.findByUsername(username).orElse(null);
    if (t == null || !t.isActive() || !t.getSchool().getId().equals(school.getId())) {
      errors.reject(field, "validation.option");
      return null;
    }
    return t;
  }

  @Transactional
  public SchoolClass addClass(CurrentUser user, long schoolId, String name, Integer grade, String classTeacher) {
    School s = school(user, schoolId);
    FieldErrors errors = new FieldErrors();
    String n = text(name, "name", 50, true, errors);
    if (n != null && classes.findBySchoolIdAndName(s.getId(), n).isPresent()) {
      errors.reject("name", "setup.classExists", n);
    }
    if (grade == null || grade < 1 || grade > 9) {
      errors.reject("grade", "validation.range", 1, 9);
    }
    Teacher t = activeColleague(s, classTeacher, "classTeacher", errors);
    errors.throwIfAny();
    SchoolClass c = classes.save(new SchoolClass(s, n, grade, t.getUsername()));
    addRole(t, Roles.TEACHER);
    accounts.setClassTeacher(c.getId(), t.getUsername());
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null, "班级 " + s.getName() + " " + n + ": created, 班主任 " + t.getUsername());
    return c;
  }

  @Transactional
  public void renameClass(CurrentUser user, long classId, String name) {
    SchoolClass c = schoolClass(user, classId);
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
    SchoolClass c = schoolClass(user, classId);
    FieldErrors errors = new FieldErrors();
    Teacher t = activeColleague(c.getSchool(), classTeacher, "classTeacher", errors);
    errors.throwIfAny();
    String old = c.getClassTeacher();
    if (t.getUsername().equals(old)) {
      return 0;
    }
    addRole(t, Roles.TEACHER);
    List<String> moved = classTeachers.change(classId, t.getUsername());
    for (String task : moved) {
      work.noteMoved(task, user.id(), t.getUsername(), "班主任变更：" + c.getName() + " 由 " + old + " 转给 " + t.getUsername());
    }
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null,
        "班级 " + c.getName() + ": 班主任 " + old + " → " + t.getUsername() + ", " + moved.size() + " open tasks moved");
    return moved.size();
  }

  private void addRole(Teacher t, String role) {
    Set<String> roles = new LinkedHashSet<>(accounts.rolesOf(t.getUsername()));
    if (roles.add(role)) {
      accounts.setRoles(t.getUsername(), roles);
      accounts.syncSchoolRoles(t.getUsername(), t.getSchool().getId());
    }
    if (Roles.MENTOR.equals(role)) {
      t.setMentor(true);
    }
  }

  // -- staff --------------------------------------------------------------------------------------

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
    School s = school(user, schoolId);
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
    Teacher t = teacher(user, username);
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
    Teacher t = teacher(user, username);
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
    Teacher t = teacher(user, username);
    FieldErrors errors = new FieldErrors();
    if (!t.isActive()) {
      errors.reject("username", "setup.inactive", username);
    }
    if (username.equals(user.id())) {
      errors.reject("username", "setup.notYourself");
    }
    Teacher to = username.equals(successor) ? null : activeColleague(t.getSchool(), successor, "successor", errors);
    if (to == null && !errors.has("successor")) {
      errors.reject("successor", "validation.option");
    }
    errors.throwIfAny();
    int classCount = 0;
    for (SchoolClass c : classes.findByClassTeacherOrderByName(username)) {
      addRole(to, Roles.TEACHER);
      for (String task : classTeachers.change(c.getId(), to.getUsername())) {
        work.noteMoved(task, user.id(), to.getUsername(), "离校交接：" + c.getName() + " 由 " + username + " 转给 " + to.getUsername());
      }
      classCount++;
    }
    List<Long> mentees = cases.openCasesOfMentor(username);
    if (!mentees.isEmpty()) {
      addRole(to, Roles.MENTOR);
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

  // -- calendar -----------------------------------------------------------------------------------

  @Transactional
  public void addCalendarEntry(CurrentUser user, long schoolId, String kind, String name, LocalDate start, LocalDate end) {
    School s = school(user, schoolId);
    FieldErrors errors = new FieldErrors();
    boolean term = "TERM".equals(kind);
    if (!term && !"HOLIDAY".equals(kind)) {
      errors.reject("kind", "validation.option");
    }
    String n = text(name, "name", 50, true, errors);
    if (start == null) {
      errors.reject("start", "validation.date");
    }
    if (end == null) {
      errors.reject("end", "validation.date");
    }
    if (start != null && end != null && end.isBefore(start)) {
      errors.reject("end", "setup.endBeforeStart");
    }
    if (n != null && (terms.findBySchoolIdAndName(s.getId(), n).isPresent() || holidays.findBySchoolIdAndName(s.getId(), n).isPresent())) {
      errors.reject("name", "setup.calendarExists", n);
    }
    if (term && start != null && end != null && !errors.has("end")) {
      for (Term t : terms.findBySchoolIdOrderByStartDate(s.getId())) {
        if (!start.isAfter(t.getEndDate()) && !t.getStartDate().isAfter(end)) {
          errors.reject("start", "setup.termOverlaps", t.getName());
          break;
        }
      }
    }
    errors.throwIfAny();
    if (term) {
      terms.save(new Term(s, n, start, end));
    } else {
      holidays.save(new Holiday(s, n, start, end));
    }
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null, "校历 " + s.getName() + " " + n + " " + start + "~" + end + ": created");
  }

  /** The week of the term by which each class's guardian meeting (家长会) is to be planned. */
  @Transactional
  public void setMeetingWeek(CurrentUser user, long termId, Integer week) {
    Term t = terms.findById(termId).orElseThrow(() -> new NotFoundException("term " + termId));
    school(user, t.getSchool().getId());
    if (week == null) {
      throw InvalidInputException.of("meetingWeek", "validation.meetingWeek", t.weeks());
    }
    termCalendar.setMeetingWeek(termId, week);
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null,
        "校历 " + t.getSchool().getName() + " " + t.getName() + ": 家长会 week " + week);
  }

  /** Deletes a term no case ever ran in (a term with running cases, or their history, stays). */
  @Transactional
  public void deleteTerm(CurrentUser user, long termId) {
    Term t = terms.findById(termId).orElseThrow(() -> new NotFoundException("term " + termId));
    school(user, t.getSchool().getId());
    long running = cases.runningCasesInTerm(termId);
    if (running > 0) {
      throw InvalidInputException.of("term", "setup.termHasCases", t.getName(), running);
    }
    if (cases.casesInTerm(termId) > 0) {
      throw InvalidInputException.of("term", "setup.termHasHistory", t.getName());
    }
    terms.delete(t);
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null, "校历 " + t.getSchool().getName() + " " + t.getName() + ": deleted");
  }

  @Transactional
  public void deleteHoliday(CurrentUser user, long holidayId) {
    Holiday h = holidays.findById(holidayId).orElseThrow(() -> new NotFoundException("holiday " + holidayId));
    school(user, h.getSchool().getId());
    holidays.delete(h);
    audit.change(user.id(), SchoolSetup.AUDIT_SETUP, null, null, "校历 " + h.getSchool().getName() + " " + h.getName() + ": deleted");
  }

  /** The school's active staff other than this person: who can take over. */
  @Transactional(readOnly = true)
  public List<Teacher> colleagues(CurrentUser user, long schoolId, String except) {
    List<Teacher> out = new ArrayList<>();
    for (Teacher t : staff(user, schoolId)) {
      if (t.isActive() && !t.getUsername().equals(except)) {
        out.add(t);
      }
    }
    return out;
  }
}
