package org.careflow.setup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.careflow.identity.Roles;

/**
 * The set-up workbook read and checked row by row, before anything touches the database: sheets
 * {@code 学校}, {@code 校历}, {@code 班级}, {@code 教职工}, each with one header row (columns found by their
 * header, extra columns ignored). What needs the database (does a school exist, does a term overlap) is
 * checked by {@link SchoolSetup}.
 */
final class SetupWorkbook {

  static final String SCHOOLS = "学校";
  static final String CALENDAR = "校历";
  static final String CLASSES = "班级";
  static final String STAFF = "教职工";

  static final String SCHOOL_NAME = "学校名称";
  static final String DISTRICT = "所属乡镇";
  static final String NAME = "名称";
  static final String KIND = "类型";
  static final String START = "开始日期";
  static final String END = "结束日期";
  static final String CLASS_NAME = "班级名称";
  static final String GRADE = "年级";
  static final String CLASS_TEACHER = "班主任工号";
  static final String USERNAME = "工号";
  static final String PERSON = "姓名";
  static final String PHONE = "手机";
  static final String ROLES = "角色";
  static final String MAX_MENTEES = "可带学生数";
  static final String SUBJECT = "任教学科";
  /** The person's user ids on 企业微信 and 钉钉, for the reminders there (optional). */
  static final String WECOM_ID = "企业微信账号";
  static final String DINGTALK_ID = "钉钉账号";

  static final String TERM = "学期";
  static final String HOLIDAY = "假期";

  /** Each sheet's columns in the template's order; the last ones of 校历 and 教职工 may be left out. */
  static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();
  static final Map<String, Set<String>> OPTIONAL = Map.of(CALENDAR, Set.of(SCHOOL_NAME), STAFF, Set.of(SUBJECT, WECOM_ID, DINGTALK_ID));

  static {
    COLUMNS.put(SCHOOLS, List.of(SCHOOL_NAME, DISTRICT));
    COLUMNS.put(CALENDAR, List.of(NAME, KIND, START, END, SCHOOL_NAME));
    COLUMNS.put(CLASSES, List.of(SCHOOL_NAME, CLASS_NAME, GRADE, CLASS_TEACHER));
    COLUMNS.put(STAFF, List.of(USERNAME, PERSON, PHONE, SCHOOL_NAME, ROLES, MAX_MENTEES, SUBJECT, WECOM_ID, DINGTALK_ID));
  }

  /** The roles as the drop-down offers them (the names careflow's pages use), and their groups. */
  static final Map<String, String> ROLE_NAMES = new LinkedHashMap<>();

  static {
    ROLE_NAMES.put("班主任", Roles.TEACHER);
    ROLE_NAMES.put("任课教师", Roles.SUBJECT_TEACHER);
    ROLE_NAMES.put("帮扶教师", Roles.MENTOR);
    ROLE_NAMES.put("心理辅导教师", Roles.COUNSELLOR);
    ROLE_NAMES.put("德育处", Roles.COORDINATOR);
    ROLE_NAMES.put("校领导", Roles.SUPERVISOR);
  }

  static final int MAX_ROWS = 5000;
  static final int MAX_MENTEES_LIMIT = 50;
  /** The engine's user ids: letters and digits. */
  static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
  static final Pattern PHONE_NUMBER = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");
  /** Characters no name needs, as for children's names. */
  static final Pattern BAD_NAME = Pattern.compile("[<>()（）;=/\\\\\\p{Cntrl}]");
  private static final Pattern BAD_TEXT = Pattern.compile("[<>\\p{Cntrl}]");

  record Problem(String sheet, int row, String column, String code, Object[] args) {}

  record SchoolRow(int row, String name, String district) {}

  record CalendarRow(int row, String name, boolean term, LocalDate start, LocalDate end, String school) {}

  record ClassRow(int row, String school, String name, int grade, String classTeacher) {}

  /** {@code wecomId}, {@code dingtalkId}: null when the cell is empty (an id entered on the staff page stays). */
  record StaffRow(int row, String username, String name, String phone, String school, Set<String> roles, Integer maxMentees,
      String subject, String wecomId, String dingtalkId) {}

  /** {@code listedStaff}: every 工号 of the staff sheet with its school, also from rows found wrong (no second error for them). */
  record Content(List<SchoolRow> schools, List<CalendarRow> calendar, List<ClassRow> classes, List<StaffRow> staff,
      boolean readable, Map<String, String> listedStaff) {}

  private SetupWorkbook() {}

  /** Reads and checks the rows; what is wrong goes to {@code problems} (the content is then incomplete). */
  static Content read(byte[] file, List<Problem> problems) {
    Content empty = new Content(List.of(), List.of(), List.of(), List.of(), false, Map.of());
    try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(file))) {
      Map<String, List<Map<String, Object>>> sheets = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> s : COLUMNS.entrySet()) {
        Sheet sheet = book.getSheet(s.getKey());
        if (sheet == null) {
          problems.add(new Problem(s.getKey(), 0, null, "setup.missingSheet", new Object[] {s.getKey()}));
          continue;
        }
        sheets.put(s.getKey(), rows(sheet, s.getKey(), s.getValue(), problems));
      }
      if (!problems.isEmpty()) {
        return empty;
      }
      Map<String, String> listed = new HashMap<>();
      for (Map<String, Object> r : sheets.get(STAFF)) {
        if (r.get(USERNAME) != null) {
          listed.put(r.get(USERNAME).toString().strip(), r.get(SCHOOL_NAME) == null ? "" : r.get(SCHOOL_NAME).toString().strip());
        }
      }
      return new Content(schools(sheets.get(SCHOOLS), problems), calendar(sheets.get(CALENDAR), problems),
          classes(sheets.get(CLASSES), problems), staff(sheets.get(STAFF), problems), true, listed);
    } catch (IOException | RuntimeException e) {
      problems.add(new Problem(null, 0, null, "import.notXlsx", new Object[0]));
      return empty;
    }
  }

  /** A sheet's data rows as column name to value (text, or a date for date cells); "#row" holds Excel's row number. */
  private static List<Map<String, Object>> rows(Sheet sheet, String name, List<String> columns, List<Problem> problems) {
    DataFormatter formatter = new DataFormatter();
    Row header = sheet.getRow(sheet.getFirstRowNum());
    Map<String, Integer> columnOf = new HashMap<>();
    if (header != null) {
      for (Cell c : header) {
        String text = formatter.formatCellValue(c).strip();
        if (!text.isEmpty()) {
          columnOf.putIfAbsent(text, c.getColumnIndex());
        }
      }
    }
    for (String col : columns) {
      if (!columnOf.containsKey(col) && !OPTIONAL.getOrDefault(name, Set.of()).contains(col)) {
        problems.add(new Problem(name, 1, col, "import.missingColumn", new Object[] {col}));
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    if (header == null || !problems.isEmpty()) {
      return out;
    }
    if (sheet.getLastRowNum() > MAX_ROWS) {
      problems.add(new Problem(name, 0, null, "import.tooManyRows", new Object[] {MAX_ROWS}));
      return out;
    }
    for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      Map<String, Object> values = new HashMap<>();
      for (String col : columns) {
        Integer i = columnOf.get(col);
        Object v = i == null ? null : value(row.getCell(i), formatter);
        if (v != null) {
          values.put(col, v);
        }
      }
      if (!values.isEmpty()) {
        values.put("#row", r + 1);
        out.add(values);
      }
    }
    return out;
  }

  private static Object value(Cell c, DataFormatter formatter) {
    if (c == null) {
      return null;
    }
    CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
      return c.getLocalDateTimeCellValue().toLocalDate();
    }
    if (type == CellType.NUMERIC) {
      double d = c.getNumericCellValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d); // 工号 1001, a phone number, a grade: never "1.38E10"
      }
    }
    String text = formatter.formatCellValue(c).strip();
    return text.isEmpty() ? null : text;
  }

  private static int row(Map<String, Object> r) {
    return (Integer) r.get("#row");
  }

  /** A required or optional text cell, checked for length and characters. */
  private static String text(Map<String, Object> r, String sheet, String col, boolean required, int max, Pattern bad,
      List<Problem> problems) {
    Object v = r.get(col);
    String t = v == null ? null : v.toString().strip();
    if (t == null || t.isEmpty()) {
      if (required) {
        problems.add(new Problem(sheet, row(r), col, "validation.required", new Object[0]));
      }
      return null;
    }
    if (t.length() > max) {
      problems.add(new Problem(sheet, row(r), col, "validation.tooLong", new Object[] {max}));
      return null;
    }
    if (bad.matcher(t).find()) {
      problems.add(new Problem(sheet, row(r), col, bad == BAD_NAME ? "validation.nameCharacters" : "validation.characters",
          new Object[0]));
      return null;
    }
    return t;
  }

  private static List<SchoolRow> schools(List<Map<String, Object>> rows, List<Problem> problems) {
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

  static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("yyyy/M/d"),
      DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));

  private static LocalDate date(Map<String, Object> r, String sheet, String col, List<Problem> problems) {
    Object v = r.get(col);
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v == null) {
      problems.add(new Problem(sheet, row(r), col, "validation.required", new Object[0]));
      return null;
    }
    String text = v.toString().strip();
    for (DateTimeFormatter f : DATES) {
      try {
        return LocalDate.parse(text, f);
      } catch (DateTimeParseException e) {
        // the next way of writing a date
      }
    }
    if (text.matches("\\d{5}")) { // an Excel date in a cell without a date format
      return DateUtil.getLocalDateTime(Double.parseDouble(text)).toLocalDate();
    }
    problems.add(new Problem(sheet, row(r), col, "validation.date", new Object[0]));
    return null;
  }

  private static List<CalendarRow> calendar(List<Map<String, Object>> rows, List<Problem> problems) {
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

  private static List<ClassRow> classes(List<Map<String, Object>> rows, List<Problem> problems) {
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

  private static List<StaffRow> staff(List<Map<String, Object>> rows, List<Problem> problems) {
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
