package org.careflow.setup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.careflow.identity.Roles;

/**
 * The set-up workbook read and checked row by row, before anything touches the database: sheets
 * {@code 学校}, {@code 校历}, {@code 班级}, {@code 教职工}, each with one header row (columns found by their
 * header, extra columns ignored). What needs the database (does a school exist, does a term overlap) is
 * checked by {@link SchoolSetup}. The cells are read by {@link SetupCells}, each sheet's rows checked by
 * {@link SetupSheets}.
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
  static final Pattern BAD_TEXT = Pattern.compile("[<>\\p{Cntrl}]");

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
        sheets.put(s.getKey(), SetupCells.rows(sheet, s.getKey(), s.getValue(), problems));
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
      return new Content(SetupSheets.schools(sheets.get(SCHOOLS), problems), SetupSheets.calendar(sheets.get(CALENDAR), problems),
          SetupSheets.classes(sheets.get(CLASSES), problems), SetupSheets.staff(sheets.get(STAFF), problems), true, listed);
    } catch (IOException | RuntimeException e) {
      problems.add(new Problem(null, 0, null, "import.notXlsx", new Object[0]));
      return empty;
    }
  }
}
