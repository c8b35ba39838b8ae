package org.careflow.setup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.school.School;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.careflow.school.TermRepository;
import org.careflow.setup.SetupWorkbook.CalendarRow;
import org.careflow.setup.SetupWorkbook.ClassRow;
import org.careflow.setup.SetupWorkbook.Problem;
import org.careflow.setup.SetupWorkbook.SchoolRow;
import org.careflow.setup.SetupWorkbook.StaffRow;
import org.springframework.stereotype.Component;

/**
 * The set-up workbook's checks that need the database: does a school exist, is a 工号 someone of
 * another school or someone who left, does a class's 班主任 work at its school, does a term overlap
 * another. Not transactional on purpose: it runs inside {@link SchoolSetup#apply}'s transaction.
 */
@Component
class SetupChecks {

  private final SchoolRepository schools;
  private final TeacherRepository teachers;
  private final TermRepository terms;

  SetupChecks(SchoolRepository schools, TeacherRepository teachers, TermRepository terms) {
    this.schools = schools;
    this.teachers = teachers;
    this.terms = terms;
  }

  void check(SetupWorkbook.Content c, List<Problem> problems) {
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
  List<String> targets(CalendarRow r, SetupWorkbook.Content c) {
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
}
