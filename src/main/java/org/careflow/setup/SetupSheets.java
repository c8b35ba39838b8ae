package org.careflow.setup;

import static org.careflow.setup.SetupCells.date;
import static org.careflow.setup.SetupCells.row;
import static org.careflow.setup.SetupCells.text;
import static org.careflow.setup.SetupWorkbook.BAD_NAME;
import static org.careflow.setup.SetupWorkbook.BAD_TEXT;
import static org.careflow.setup.SetupWorkbook.CALENDAR;
import static org.careflow.setup.SetupWorkbook.CLASSES;
import static org.careflow.setup.SetupWorkbook.CLASS_NAME;
import static org.careflow.setup.SetupWorkbook.CLASS_TEACHER;
import static org.careflow.setup.SetupWorkbook.DINGTALK_ID;
import static org.careflow.setup.SetupWorkbook.DISTRICT;
import static org.careflow.setup.SetupWorkbook.END;
import static org.careflow.setup.SetupWorkbook.GRADE;
import static org.careflow.setup.SetupWorkbook.HOLIDAY;
import static org.careflow.setup.SetupWorkbook.KIND;
import static org.careflow.setup.SetupWorkbook.MAX_MENTEES;
import static org.careflow.setup.SetupWorkbook.MAX_MENTEES_LIMIT;
import static org.careflow.setup.SetupWorkbook.NAME;
import static org.careflow.setup.SetupWorkbook.PERSON;
import static org.careflow.setup.SetupWorkbook.PHONE;
import static org.careflow.setup.SetupWorkbook.PHONE_NUMBER;
import static org.careflow.setup.SetupWorkbook.ROLES;
import static org.careflow.setup.SetupWorkbook.ROLE_NAMES;
import static org.careflow.setup.SetupWorkbook.SCHOOLS;
import static org.careflow.setup.SetupWorkbook.SCHOOL_NAME;
import static org.careflow.setup.SetupWorkbook.STAFF;
import static org.careflow.setup.SetupWorkbook.START;
import static org.careflow.setup.SetupWorkbook.SUBJECT;
import static org.careflow.setup.SetupWorkbook.TERM;
import static org.careflow.setup.SetupWorkbook.USERNAME;
import static org.careflow.setup.SetupWorkbook.USER_ID;
import static org.careflow.setup.SetupWorkbook.WECOM_ID;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.setup.SetupWorkbook.CalendarRow;
import org.careflow.setup.SetupWorkbook.ClassRow;
import org.careflow.setup.SetupWorkbook.Problem;
import org.careflow.setup.SetupWorkbook.SchoolRow;
import org.careflow.setup.SetupWorkbook.StaffRow;

/**
 * Each sheet of the set-up workbook checked row by row and turned into its rows: schools, calendar
 * entries (学期 or 假期), classes with their 班主任, staff with their roles. A row with a problem is left
 * out; a name or 工号 listed twice is a problem of the second row.
 */
final class SetupSheets {

  private SetupSheets() {}

  static List<SchoolRow> schools(List<Map<String, Object>> rows, List<Problem> problems) {
    List<SchoolRow> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Map<String, Object> r : rows) {
      String name = text(r, SCHOOLS, SCHOOL_NAME, true, 100, BAD_TEXT, problems);
      String district = text(r, SCHOOLS, DISTRICT, false, 100, BAD_TEXT, problems);
      if (name != null && seen.containsKey(name)) {
        problems.add(new Problem(SCHOOLS, row(r), SCHOOL_NAME, "setup.duplicate", new Object[] {seen.get(name)}));
      } else if (name != null) {
        seen.put(name, row(r));
        out.add(new SchoolRow(row(r), name, district));
      }
    }
    return out;
  }

  static List<CalendarRow> calendar(List<Map<String, Object>> rows, List<Problem> problems) {
    List<CalendarRow> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Map<String, Object> r : rows) {
      int before = problems.size();
      String name = text(r, CALENDAR, NAME, true, 50, BAD_TEXT, problems);
      String kind = text(r, CALENDAR, KIND, true, 10, BAD_TEXT, problems);
      Boolean term = null;
      if (kind != null) {
        term = switch (kind) {
          case TERM, "term" -> true;
          case HOLIDAY, "holiday" -> false;
          default -> null;
        };
        if (term == null) {
          problems.add(new Problem(CALENDAR, row(r), KIND, "import.unknownValue", new Object[] {kind, TERM + "、" + HOLIDAY}));
        }
      }
      LocalDate start = date(r, CALENDAR, START, problems);
      LocalDate end = date(r, CALENDAR, END, problems);
      if (start != null && end != null && end.isBefore(start)) {
        problems.add(new Problem(CALENDAR, row(r), END, "setup.endBeforeStart", new Object[0]));
      }
      String school = text(r, CALENDAR, SCHOOL_NAME, false, 100, BAD_TEXT, problems);
      String key = (school == null ? "" : school) + "\u0000" + name;
      if (name != null && seen.containsKey(key)) {
        problems.add(new Problem(CALENDAR, row(r), NAME, "setup.duplicate", new Object[] {seen.get(key)}));
      } else if (name != null) {
        seen.put(key, row(r));
      }
      if (problems.size() == before) {
        out.add(new CalendarRow(row(r), name, term, start, end, school));
      }
    }
    return out;
  }

  private static final String GRADE_WORDS = "一二三四五六七八九";

  static List<ClassRow> classes(List<Map<String, Object>> rows, List<Problem> problems) {
    List<ClassRow> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Map<String, Object> r : rows) {
      int before = problems.size();
      String school = text(r, CLASSES, SCHOOL_NAME, true, 100, BAD_TEXT, problems);
      String name = text(r, CLASSES, CLASS_NAME, true, 50, BAD_TEXT, problems);
      String gradeText = text(r, CLASSES, GRADE, true, 10, BAD_TEXT, problems);
      int grade = 0;
      if (gradeText != null) {
        String g = gradeText.replace("年级", "");
        if (g.matches("[1-9]")) {
          grade = Integer.parseInt(g);
        } else if (g.length() == 1 && GRADE_WORDS.contains(g)) {
          grade = GRADE_WORDS.indexOf(g) + 1;
        } else {
          problems.add(new Problem(CLASSES, row(r), GRADE, "validation.range", new Object[] {1, 9}));
        }
      }
      String teacher = text(r, CLASSES, CLASS_TEACHER, true, 64, BAD_TEXT, problems);
      String key = school + "\u0000" + name;
      if (name != null && school != null && seen.containsKey(key)) {
        problems.add(new Problem(CLASSES, row(r), CLASS_NAME, "setup.duplicate", new Object[] {seen.get(key)}));
      } else if (name != null) {
        seen.put(key, row(r));
      }
      if (problems.size() == before) {
        out.add(new ClassRow(row(r), school, name, grade, teacher));
      }
    }
    return out;
  }

  /** The role groups named in a 角色 cell, or null (and a problem) when one is not a role. */
  static Set<String> roles(String cell, List<String> unknown) {
    String plain = cell.replaceAll("[（(][^）)]*[）)]", " ");
    Set<String> roles = new LinkedHashSet<>();
    for (String part : plain.split("[、,，;；/\\s]+")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      String role = ROLE_NAMES.get(p);
      if (role == null && ROLE_NAMES.containsValue(p)) {
        role = p;
      }
      if (role == null) {
        unknown.add(p);
      } else {
        roles.add(role);
      }
    }
    return roles;
  }

  static List<StaffRow> staff(List<Map<String, Object>> rows, List<Problem> problems) {
    List<StaffRow> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Map<String, Object> r : rows) {
      int before = problems.size();
      String username = text(r, STAFF, USERNAME, true, 64, BAD_TEXT, problems);
      if (username != null && !USER_ID.matcher(username).matches()) {
        problems.add(new Problem(STAFF, row(r), USERNAME, "setup.usernameInvalid", new Object[0]));
      }
      String name = text(r, STAFF, PERSON, true, 50, BAD_NAME, problems);
      String phone = text(r, STAFF, PHONE, false, 20, BAD_TEXT, problems);
      if (phone != null && !PHONE_NUMBER.matcher(phone.replace(" ", "")).matches()) {
        problems.add(new Problem(STAFF, row(r), PHONE, "validation.phone", new Object[0]));
      }
      String school = text(r, STAFF, SCHOOL_NAME, true, 100, BAD_TEXT, problems);
      String roleText = text(r, STAFF, ROLES, true, 200, BAD_TEXT, problems);
      Set<String> roles = Set.of();
      if (roleText != null) {
        List<String> unknown = new ArrayList<>();
        roles = roles(roleText, unknown);
        if (!unknown.isEmpty()) {
          problems.add(new Problem(STAFF, row(r), ROLES, "import.unknownValue",
              new Object[] {String.join("、", unknown), String.join("、", ROLE_NAMES.keySet())}));
        } else if (roles.isEmpty()) {
          problems.add(new Problem(STAFF, row(r), ROLES, "validation.required", new Object[0]));
        }
      }
      Integer max = null;
      String maxText = text(r, STAFF, MAX_MENTEES, false, 10, BAD_TEXT, problems);
      if (maxText != null) {
        try {
          max = Integer.parseInt(maxText);
          if (max < 0 || max > MAX_MENTEES_LIMIT) {
            problems.add(new Problem(STAFF, row(r), MAX_MENTEES, "validation.range", new Object[] {0, MAX_MENTEES_LIMIT}));
          }
        } catch (NumberFormatException e) {
          problems.add(new Problem(STAFF, row(r), MAX_MENTEES, "validation.number", new Object[0]));
        }
      }
      String subject = text(r, STAFF, SUBJECT, false, 50, BAD_TEXT, problems);
      String wecomId = text(r, STAFF, WECOM_ID, false, 64, BAD_TEXT, problems);
      if (wecomId != null && !org.careflow.reminders.ReminderContacts.PLATFORM_ID.matcher(wecomId).matches()) {
        problems.add(new Problem(STAFF, row(r), WECOM_ID, "reminders.platformId.invalid", new Object[] {wecomId}));
      }
      String dingtalkId = text(r, STAFF, DINGTALK_ID, false, 64, BAD_TEXT, problems);
      if (dingtalkId != null && !org.careflow.reminders.ReminderContacts.PLATFORM_ID.matcher(dingtalkId).matches()) {
        problems.add(new Problem(STAFF, row(r), DINGTALK_ID, "reminders.platformId.invalid", new Object[] {dingtalkId}));
      }
      if (username != null && seen.containsKey(username.toLowerCase())) {
        problems.add(new Problem(STAFF, row(r), USERNAME, "setup.duplicate", new Object[] {seen.get(username.toLowerCase())}));
      } else if (username != null) {
        seen.put(username.toLowerCase(), row(r));
      }
      if (problems.size() == before) {
        out.add(new StaffRow(row(r), username, name, phone == null ? null : phone.replace(" ", ""), school, roles, max, subject, wecomId,
            dingtalkId));
      }
    }
    return out;
  }
}
