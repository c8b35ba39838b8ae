package org.careflow.setup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.careflow.identity.Accounts;
import org.careflow.identity.Audit;
import org.careflow.inbox.TaskWork;
import org.careflow.school.ClassTeachers;
import org.careflow.school.Holiday;
import org.careflow.school.HolidayRepository;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.careflow.setup.SetupWorkbook.CalendarRow;
import org.careflow.setup.SetupWorkbook.ClassRow;
import org.careflow.setup.SetupWorkbook.Problem;
import org.careflow.setup.SetupWorkbook.SchoolRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a set-up workbook in one transaction, all or nothing: every row of every sheet is checked
 * (against the workbook and what is already there) before anything is written. Schools, terms,
 * classes and staff are known by their names and 工号, so a second upload creates nothing and updates
 * what changed (audited). New staff get an account in the engine's identity store with their role
 * groups and scope groups, as the demo's, and a random initial password (shown once). The checks that
 * need the database are {@link SetupChecks}, the 教职工 sheet is written by {@link SetupStaffSheet}.
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

  private final SetupChecks checks;
  private final SetupStaffSheet staffSheet;
  private final SchoolRepository schools;
  private final SchoolClassRepository classes;
  private final TermRepository terms;
  private final HolidayRepository holidays;
  private final Accounts accounts;
  private final ClassTeachers classTeachers;
  private final TaskWork work;
  private final Audit audit;

  SchoolSetup(SetupChecks checks, SetupStaffSheet staffSheet, SchoolRepository schools, SchoolClassRepository classes,
      TermRepository terms, HolidayRepository holidays, Accounts accounts, ClassTeachers classTeachers, TaskWork work, Audit audit) {
    this.checks = checks;
    this.staffSheet = staffSheet;
    this.schools = schools;
    this.classes = classes;
    this.terms = terms;
    this.holidays = holidays;
    this.accounts = accounts;
    this.classTeachers = classTeachers;
    this.work = work;
    this.audit = audit;
  }

  @Transactional
  public Result apply(byte[] file, String actor) {
    List<Problem> problems = new ArrayList<>();
    SetupWorkbook.Content content = SetupWorkbook.read(file, problems);
    if (content.readable()) {
      checks.check(content, problems); // every row of every sheet: the rows already found wrong are not in the content
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
    counts.put(SetupWorkbook.STAFF, staffSheet.apply(content.staff(), bySchool, classTeacherIds, made, actor));
    counts.put(SetupWorkbook.CLASSES, applyClasses(content.classes(), bySchool, actor));
    Map<String, Counts> ordered = new LinkedHashMap<>();
    SetupWorkbook.COLUMNS.keySet().forEach(k -> ordered.put(k, counts.get(k)));
    return new Result(ordered, made);
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
      for (String name : checks.targets(r, c)) {
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