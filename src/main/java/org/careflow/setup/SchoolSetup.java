package org.careflow.setup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.careflow.identity.Accounts;
import org.careflow.identity.Audit;
import org.careflow.identity.InitialPasswords;
import org.careflow.identity.Roles;
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
import org.careflow.setup.SetupWorkbook.CalendarRow;
import org.careflow.setup.SetupWorkbook.ClassRow;
import org.careflow.setup.SetupWorkbook.Problem;
import org.careflow.setup.SetupWorkbook.SchoolRow;
import org.careflow.setup.SetupWorkbook.StaffRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a set-up workbook in one transaction, all or nothing: every row of every sheet is checked
 * (against the workbook and what is already there) before anything is written. Schools, terms,
 * classes and staff are known by their names and 工号, so a second upload creates nothing and updates
 * what changed (audited). New staff get an account in the engine's identity store with their role
 * groups and scope groups, as the demo's, and a random initial password (shown once).
 */
@Service
public class SchoolSetup {

  /** Audit actions of the set-up workbook and pages. */
  static final String AUDIT_SETUP = "SETUP";

  public record Counts(int created, int updated, int unchanged) {}

  public record NewAccount(String username, String name, String school, String password) implements java.io.Serializable {}

  public record Result(Map<String, Counts> sheets, List<NewAccount> accounts) {}

  /** The workbook was refused: every problem found; nothing was written. */
  public static class Rejected extends RuntimeException {
    private final transient List<Problem> problems;

    Rejected(List<Problem> problems) {
      super(problems.size() + " problems in the set-up workbook");
      this.problems = problems;
    }

    List<Problem> problems() {
      return problems;
    }
  }

  private final SchoolRepository schools;
  private final SchoolClassRepository classes;
  private final TeacherRepository teachers;
  private final TermRepository terms;
  private final HolidayRepository holidays;
  private final Accounts accounts;
  private final InitialPasswords passwords;
  private final ClassTeachers classTeachers;
  private final TaskWork work;
  private final Audit audit;
  private final org.careflow.reminders.ReminderContacts contacts;

  SchoolSetup(SchoolRepository schools, SchoolClassRepository classes, TeacherRepository teachers, TermRepository terms,
      HolidayRepository holidays, Accounts accounts, InitialPasswords passwords, ClassTeachers classTeachers, TaskWork work,
      Audit audit, org.careflow.reminders.ReminderContacts contacts) {
    this.contacts = contacts;
    this.schools = schools;
    this.classes = classes;
    this.teachers = teachers;
    this.terms = terms;
    this.holidays = holidays;
    this.accounts = accounts;
    this.passwords = passwords;
    this.classTeachers = classTeachers;
    this.work = work;
    this.audit = audit;
  }

  @Transactional
  public Result apply(byte[] file, String actor) {
    List<Problem> problems = new ArrayList<>();
    SetupWorkbook.Content content = SetupWorkbook.read(file, problems);
    if (content.readable()) {
      check(content, problems); // every row of every sheet: the rows already found wrong are not in the content
    }
    if (!problems.isEmpty()) {
      throw new Rejected(problems);
    }
    accounts.ensureRoleGroups();
    Map<String, Counts> counts = new LinkedHashMap<>();
    Map<String, School> bySchool = new HashMap<>();
    schools.findAll().forEach(s -> bySchool.put(s.getName(), s));
    counts.put(SetupWorkbook.SCHOOLS, applySchools(content.schools(), bySchool, actor));
    counts.put(SetupWorkbook.CALENDAR, applyCalendar(content, bySchool, actor));
    List<NewAccount> made = new ArrayList<>();
    Set<String> classTeacherIds = new HashSet<>();
    content.classes().forEach(c -> classTeacherIds.add(c.classTeacher()));
    counts.put(SetupWorkbook.STAFF, applyStaff(content.staff(), bySchool, classTeacherIds, made, actor));
    counts.put(SetupWorkbook.CLASSES, applyClasses(content.classes(), bySchool, actor));
    Map<String, Counts> ordered = new LinkedHashMap<>();
    SetupWorkbook.COLUMNS.keySet().forEach(k -> ordered.put(k, counts.get(k)));
    return new Result(ordered, made);
  }

  // -- checks that need the database ------------------------------------------------------------

  private void check(SetupWorkbook.Content c, List<Problem> problems) {
    Set<String> known = new HashSet<>();
    c.schools().forEach(s -> known.add(s.name()));
    schools.findAll().forEach(s -> known.add(s.getName()));
    for (CalendarRow r : c.calendar()) {
      if (r.school() != null && !known.contains(r.school())) {
        problems.add(new Problem(SetupWorkbook.CALENDAR, r.row(), SetupWorkbook.SCHOOL_NAME, "setup.unknownSchool", new Object[] {r.school()}));
      }
    }
    if (!c.calendar().isEmpty() && c.schools().isEmpty() && known.isEmpty()) {
      problems.add(new Problem(SetupWorkbook.CALENDAR, c.calendar().get(0).row(), SetupWorkbook.SCHOOL_NAME, "setup.noSchoolForCalendar",
          new Object[0]));
    }
    checkTermOverlaps(c, problems);
    for (StaffRow r : c.staff()) {
      if (!known.contains(r.school())) {
        problems.add(new Problem(SetupWorkbook.STAFF, r.row(), SetupWorkbook.SCHOOL_NAME, "setup.unknownSchool", new Object[] {r.school()}));
      }
      Teacher t = teachers.findByUsername(r.username()).orElse(null);
      if (t != null && !t.getSchool().getName().equals(r.school())) {
        problems.add(new Problem(SetupWorkbook.STAFF, r.row(), SetupWorkbook.SCHOOL_NAME, "setup.otherSchool",
            new Object[] {r.username(), t.getSchool().getName()}));
      }
      if (t != null && !t.isActive()) {
        problems.add(new Problem(SetupWorkbook.STAFF, r.row(), SetupWorkbook.USERNAME, "setup.inactive", new Object[] {r.username()}));
      }
    }
    for (ClassRow r : c.classes()) {
      if (!known.contains(r.school())) {
        problems.add(new Problem(SetupWorkbook.CLASSES, r.row(), SetupWorkbook.SCHOOL_NAME, "setup.unknownSchool", new Object[] {r.school()}));
        continue;
      }
      String listed = c.listedStaff().get(r.classTeacher());
      Teacher t = listed == null ? teachers.findByUsername(r.classTeacher()).orElse(null) : null;
      String teacherSchool = listed != null ? listed : t != null && t.isActive() ? t.getSchool().getName() : null;
      if (teacherSchool == null) {
        problems.add(new Problem(SetupWorkbook.CLASSES, r.row(), SetupWorkbook.CLASS_TEACHER, "setup.unknownStaff", new Object[] {r.classTeacher()}));
      } else if (!teacherSchool.equals(r.school())) {
        problems.add(new Problem(SetupWorkbook.CLASSES, r.row(), SetupWorkbook.CLASS_TEACHER, "setup.staffOfOtherSchool",
            new Object[] {r.classTeacher(), teacherSchool}));
      }
    }
  }

  /** The schools a calendar row is for: its own, or every school of the workbook (every school there is, when it names none). */
  private List<String> targets(CalendarRow r, SetupWorkbook.Content c) {
    if (r.school() != null) {
      return List.of(r.school());
    }
    if (!c.schools().isEmpty()) {
      return c.schools().stream().map(SchoolRow::name).toList();
    }
    return schools.findAll().stream().map(School::getName).toList();
  }

  private void checkTermOverlaps(SetupWorkbook.Content c, List<Problem> problems) {
    record Span(String name, java.time.LocalDate start, java.time.LocalDate end) {}
    Map<String, List<Span>> bySchool = new HashMap<>();
    for (CalendarRow r : c.calendar()) {
      if (!r.term()) {
        continue;
      }
      for (String school : targets(r, c)) {
        List<Span> spans = bySchool.computeIfAbsent(school, s -> {
          List<Span> existing = new ArrayList<>();
          schools.findByName(s).ifPresent(sc -> terms.findBySchoolIdOrderByStartDate(sc.getId())
              .forEach(t -> existing.add(new Span(t.getName(), t.getStartDate(), t.getEndDate()))));
          return existing;
        });
        spans.removeIf(x -> x.name().equals(r.name())); // the row replaces the term of its name
        for (Span x : spans) {
          if (!r.start().isAfter(x.end()) && !x.start().isAfter(r.end())) {
            problems.add(new Problem(SetupWorkbook.CALENDAR, r.row(), SetupWorkbook.START, "setup.termOverlaps", new Object[] {x.name()}));
            break;
          }
        }
        spans.add(new Span(r.name(), r.start(), r.end()));
      }
    }
  }

  // -- writing ----------------------------------------------------------------------------------

  private Counts applySchools(List<SchoolRow> rows, Map<String, School> bySchool, String actor) {
    int[] n = new int[3];
    for (SchoolRow r : rows) {
      School s = bySchool.get(r.name());
      if (s == null) {
        s = schools.save(new School(r.name(), r.district()));
        bySchool.put(r.name(), s);
        audit.change(actor, AUDIT_SETUP, null, null, "学校 " + r.name() + ": created");
        n[0]++;
      } else if (r.district() != null && !Objects.equals(r.district(), s.getDistrict())) {
        s.setDistrict(r.district());
        audit.change(actor, AUDIT_SETUP, null, null, "学校 " + r.name() + ": 所属乡镇 changed");
        n[1]++;
      } else {
        n[2]++;
      }
    }
    return new Counts(n[0], n[1], n[2]);
  }

  private Counts applyCalendar(SetupWorkbook.Content c, Map<String, School> bySchool, String actor) {
    int[] n = new int[3];
    for (CalendarRow r : c.calendar()) {
      int[] row = new int[3];
      for (String name : targets(r, c)) {
        School s = bySchool.get(name);
        if (r.term()) {
          Term t = terms.findBySchoolIdAndName(s.getId(), r.name()).orElse(null);
          if (t == null) {
            terms.save(new Term(s, r.name(), r.start(), r.end()));
            row[0]++;
          } else if (!t.getStartDate().equals(r.start()) || !t.getEndDate().equals(r.end())) {
            t.setDates(r.start(), r.end());
            row[1]++;
          } else {
            row[2]++;
          }
        } else {
          Holiday h = holidays.findBySchoolIdAndName(s.getId(), r.name()).orElse(null);
          if (h == null) {
            holidays.save(new Holiday(s, r.name(), r.start(), r.end()));
            row[0]++;
          } else if (!h.getStartDate().equals(r.start()) || !h.getEndDate().equals(r.end())) {
            h.setDates(r.start(), r.end());
            row[1]++;
          } else {
            row[2]++;
          }
        }
      }
      // a row counts once: created when it made something new, updated when it changed something
      int k = row[0] > 0 ? 0 : row[1] > 0 ? 1 : 2;
      n[k]++;
      if (k < 2) {
        audit.change(actor, AUDIT_SETUP, null, null, "校历 " + r.name() + " " + r.start() + "~" + r.end() + (k == 0 ? ": created" : ": dates changed"));
      }
    }
    return new Counts(n[0], n[1], n[2]);
  }

  /** The 企业微信 / 钉钉 ids of a row, where given (an empty cell keeps what the staff page set). */
  private void linkPlatformIds(StaffRow r) {
    if (r.wecomId() == null && r.dingtalkId() == null) {
      return;
    }
    org.careflow.reminders.ReminderContacts.Person p = contacts.of(r.username());
    contacts.link(r.username(), r.wecomId() != null ? r.wecomId() : p.wecomUserId(), r.dingtalkId() != null ? r.dingtalkId() : p.dingtalkUserId());
  }

  private Counts applyStaff(List<StaffRow> rows, Map<String, School> bySchool, Set<String> classTeacherIds, List<NewAccount> made,
      String actor) {
    int[] n = new int[3];
    for (StaffRow r : rows) {
      School school = bySchool.get(r.school());
      linkPlatformIds(r);
      Set<String> roles = new LinkedHashSet<>(r.roles());
      if (classTeacherIds.contains(r.username())) {
        roles.add(Roles.TEACHER); // a class's teacher works its tasks as 班主任
      }
      boolean mentor = roles.contains(Roles.MENTOR);
      Teacher t = teachers.findByUsername(r.username()).orElse(null);
      if (t == null) {
        t = new Teacher(r.username(), r.name(), school, r.subject(), mentor);
        t.setPhone(r.phone());
        t.setMaxMentees(r.maxMentees());
        teachers.save(t);
        if (!accounts.exists(r.username())) {
          accounts.createUser(r.username(), r.name(), InitialPasswords.random());
          made.add(new NewAccount(r.username(), r.name(), r.school(), passwords.issue(r.username(), actor)));
        }
        accounts.setRoles(r.username(), roles);
        accounts.syncSchoolRoles(r.username(), school.getId());
        audit.change(actor, AUDIT_SETUP, null, null, "教职工 " + r.username() + ": created, roles " + roles);
        n[0]++;
        continue;
      }
      List<String> changed = new ArrayList<>();
      if (!t.getName().equals(r.name())) {
        t.setName(r.name());
        accounts.setDisplayName(r.username(), r.name());
        changed.add(SetupWorkbook.PERSON);
      }
      if (!Objects.equals(t.getPhone(), r.phone())) {
        t.setPhone(r.phone());
        changed.add(SetupWorkbook.PHONE);
      }
      if (!Objects.equals(t.getMaxMentees(), r.maxMentees())) {
        t.setMaxMentees(r.maxMentees());
        changed.add(SetupWorkbook.MAX_MENTEES);
      }
      if (r.subject() != null && !Objects.equals(t.getSubject(), r.subject())) {
        t.setSubject(r.subject());
        changed.add(SetupWorkbook.SUBJECT);
      }
      if (t.isMentor() != mentor) {
        t.setMentor(mentor);
      }
      if (!accounts.rolesOf(r.username()).equals(new java.util.TreeSet<>(roles))) {
        accounts.setRoles(r.username(), roles);
        changed.add(SetupWorkbook.ROLES + " " + roles);
      }
      accounts.syncSchoolRoles(r.username(), school.getId());
      if (changed.isEmpty()) {
        n[2]++;
      } else {
        audit.change(actor, AUDIT_SETUP, null, null, "教职工 " + r.username() + ": " + String.join(", ", changed) + " changed");
        n[1]++;
      }
    }
    return new Counts(n[0], n[1], n[2]);
  }

  private Counts applyClasses(List<ClassRow> rows, Map<String, School> bySchool, String actor) {
    int[] n = new int[3];
    for (ClassRow r : rows) {
      School school = bySchool.get(r.school());
      SchoolClass c = classes.findBySchoolIdAndName(school.getId(), r.name()).orElse(null);
      if (c == null) {
        c = classes.save(new SchoolClass(school, r.name(), r.grade(), r.classTeacher()));
        accounts.setClassTeacher(c.getId(), r.classTeacher());
        audit.change(actor, AUDIT_SETUP, null, null, "班级 " + r.school() + " " + r.name() + ": created, 班主任 " + r.classTeacher());
        n[0]++;
        continue;
      }
      List<String> changed = new ArrayList<>();
      if (c.getGrade() != r.grade()) {
        c.setGrade(r.grade());
        changed.add(SetupWorkbook.GRADE);
      }
      if (!r.classTeacher().equals(c.getClassTeacher())) {
        String old = c.getClassTeacher();
        for (String task : classTeachers.change(c.getId(), r.classTeacher())) {
          work.noteMoved(task, actor, r.classTeacher(), "班主任变更：" + (old == null ? "" : old) + " → " + r.classTeacher());
        }
        changed.add(SetupWorkbook.CLASS_TEACHER);
      } else {
        accounts.setClassTeacher(c.getId(), r.classTeacher());
      }
      if (changed.isEmpty()) {
        n[2]++;
      } else {
        audit.change(actor, AUDIT_SETUP, null, null, "班级 " + r.school() + " " + r.name() + ": " + String.join(", ", changed) + " changed");
        n[1]++;
      }
    }
    return new Counts(n[0], n[1], n[2]);
  }
}
