package org.careflow.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.careflow.CareflowTest;
import org.careflow.WebSession;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolRepository;
import org.careflow.school.TeacherRepository;
import org.careflow.school.TermRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The set-up workbook as an administrator uses it: template, a bad workbook, a good one twice, the new accounts. */
class SetupWorkbookTest extends CareflowTest {

  @Autowired IdentityService identity;
  @Autowired SchoolRepository schools;
  @Autowired SchoolClassRepository classes;
  @Autowired TeacherRepository teachers;
  @Autowired TermRepository terms;

  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SEQ = new AtomicInteger();

  /** A prefix no other test uses: letters only, as the engine's user ids allow. */
  static String unique() {
    String n = Long.toString(System.nanoTime() % 1_000_000_000L + SEQ.incrementAndGet(), 36).replaceAll("[^a-z0-9]", "");
    return "w" + n;
  }

  /** A workbook in the shape the template has; LocalDate values become Excel date cells. */
  static byte[] workbook(Map<String, List<Object[]>> sheets) throws IOException {
    try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      for (Map.Entry<String, List<Object[]>> s : sheets.entrySet()) {
        Sheet sheet = book.createSheet(s.getKey());
        List<String> header = SetupWorkbook.COLUMNS.get(s.getKey());
        Row h = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
          h.createCell(i).setCellValue(header.get(i));
        }
        for (int r = 0; r < s.getValue().size(); r++) {
          Row row = sheet.createRow(r + 1);
          Object[] values = s.getValue().get(r);
          for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof LocalDate d) {
              row.createCell(c).setCellValue(d);
              row.getCell(c).setCellStyle(date);
            } else if (v instanceof Number n) {
              row.createCell(c).setCellValue(n.doubleValue());
            } else if (v != null) {
              row.createCell(c).setCellValue(v.toString());
            }
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  /** One school with two terms, a holiday, a class, a coordinator, a class teacher and a mentor. */
  static Map<String, List<Object[]>> school(String p, String teacherName) {
    Map<String, List<Object[]>> s = new LinkedHashMap<>();
    s.put("学校", List.<Object[]>of(new Object[] {p + "中心小学", p + "镇"}));
    s.put("校历", List.of(new Object[] {"2030年秋季学期", "学期", LocalDate.of(2030, 9, 1), LocalDate.of(2031, 1, 20)},
        new Object[] {"2031年寒假", "假期", LocalDate.of(2031, 1, 21), LocalDate.of(2031, 2, 23)},
        new Object[] {"2031年春季学期", "学期", "2031-02-24", "2031-07-04"}));
    s.put("班级", List.<Object[]>of(new Object[] {p + "中心小学", "三年级(1)班", 3, p + "t1"}));
    s.put("教职工", List.of(new Object[] {p + "c1", "赵主任", "13800001111", p + "中心小学", "coordinator"},
        new Object[] {p + "t1", teacherName, "13800002222", p + "中心小学", "班主任"},
        new Object[] {p + "m1", "孙老师", null, p + "中心小学", "任课教师、帮扶教师", 3}));
    return s;
  }

  HttpResponse<String> upload(String user, String password, byte[] file, String language) {
    return browser().send(browser().multipart("/api/setup", Map.of(), workbook(file))
        .header("Authorization", basic(user, password))
        .header("Accept-Language", language).build());
  }

  /** The set-up workbook as the file part of the upload. */
  static WebSession.FilePart workbook(byte[] file) {
    return new WebSession.FilePart("file", "setup.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file);
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  static String counts(JsonNode body, String sheet) {
    JsonNode c = body.get("sheets").get(sheet);
    return c.get("created").asInt() + "/" + c.get("updated").asInt() + "/" + c.get("unchanged").asInt();
  }

  @Test
  void theTemplateHasTheSheetsTheHeadersAndTheDropDowns() throws IOException {
    HttpResponse<byte[]> r = browser().send(HttpRequest.newBuilder(browser().uri("/api/setup/template.xlsx"))
        .header("Authorization", basic("tadmin", "pw")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Map<String, List<String>> expected = Map.of("学校", List.of("学校名称", "所属乡镇"), "校历", List.of("名称", "类型", "开始日期", "结束日期"),
          "班级", List.of("学校名称", "班级名称", "年级", "班主任工号"), "教职工", List.of("工号", "姓名", "手机", "学校名称", "角色", "可带学生数"));
      for (Map.Entry<String, List<String>> e : expected.entrySet()) {
        XSSFSheet sheet = book.getSheet(e.getKey());
        assertThat(sheet).as(e.getKey()).isNotNull();
        List<String> header = new ArrayList<>();
        sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
        assertThat(header).as(e.getKey()).containsSubsequence(e.getValue());
      }
      assertThat(lists(book.getSheet("校历"))).anySatisfy(l -> assertThat(l).containsExactly("学期", "假期"));
      assertThat(lists(book.getSheet("教职工"))).anySatisfy(l -> assertThat(l).contains("班主任", "任课教师", "帮扶教师", "德育处", "校领导"));
    }
  }

  private static List<List<String>> lists(XSSFSheet sheet) {
    List<List<String>> out = new ArrayList<>();
    for (DataValidation v : sheet.getDataValidations()) {
      String[] values = v.getValidationConstraint().getExplicitListValues();
      if (values != null) {
        out.add(List.of(values));
      }
    }
    return out;
  }

  @Test
  void onlyAdministratorsSetUpSchools() throws IOException {
    String p = unique();
    HttpResponse<String> template = browser().send(HttpRequest.newBuilder(browser().uri("/api/setup/template.xlsx"))
        .header("Authorization", basic("tcoordinator", "pw")).build());
    assertThat(template.statusCode()).isEqualTo(403);
    assertThat(upload("tcoordinator", "pw", workbook(school(p, "钱老师")), "zh-CN").statusCode()).isEqualTo(403);
    assertThat(schools.findByName(p + "中心小学")).isEmpty();
    assertThat(browser().login("tcoordinator", "pw").get("/setup").statusCode()).isEqualTo(403);
  }

  @Test
  void aBadWorkbookNamesEachSheetRowColumnAndReasonAndWritesNothing() throws IOException {
    String p = unique();
    Map<String, List<Object[]>> s = school(p, "钱老师");
    s.put("校历", List.<Object[]>of(new Object[] {"2030年秋季学期", "学期", LocalDate.of(2030, 9, 1), LocalDate.of(2030, 8, 1)}));
    s.put("班级", List.<Object[]>of(new Object[] {p + "中心小学", "三年级(1)班", 3, p + "nobody"}));
    List<Object[]> staff = new ArrayList<>(s.get("教职工"));
    staff.add(new Object[] {p + "x1", "周老师", "12345", p + "中心小学", "班主任、校长"});
    s.put("教职工", staff);
    byte[] bad = workbook(s);

    HttpResponse<String> zh = upload("tadmin", "pw", bad, "zh-CN");
    assertThat(zh.statusCode()).as(zh.body()).isEqualTo(422);
    JsonNode errors = json(zh).get("errors");
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.get("sheet").asText()).isEqualTo("校历");
      assertThat(e.get("row").asInt()).isEqualTo(2);
      assertThat(e.get("column").asText()).isEqualTo("结束日期");
      assertThat(e.get("message").asText()).isEqualTo("结束日期早于开始日期。");
    });
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.get("sheet").asText()).isEqualTo("教职工");
      assertThat(e.get("row").asInt()).isEqualTo(5);
      assertThat(e.get("column").asText()).isEqualTo("角色");
      assertThat(e.get("message").asText()).contains("校长");
    });
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.get("sheet").asText()).isEqualTo("教职工");
      assertThat(e.get("column").asText()).isEqualTo("手机");
    });
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.get("sheet").asText()).isEqualTo("班级");
      assertThat(e.get("column").asText()).isEqualTo("班主任工号");
      assertThat(e.get("message").asText()).contains(p + "nobody");
    });
    HttpResponse<String> en = upload("tadmin", "pw", bad, "en");
    assertThat(json(en).get("errors")).anySatisfy(e -> assertThat(e.get("message").asText()).isEqualTo("The end date is before the start date."));

    assertThat(schools.findByName(p + "中心小学")).isEmpty();
    assertThat(identity.createUserQuery().userId(p + "c1").count()).isZero();
    assertThat(teachers.findByUsername(p + "t1")).isEmpty();

    // a workbook without its sheets is refused as such
    HttpResponse<String> noSheets = upload("tadmin", "pw", workbook(Map.of("学校", List.of())), "zh-CN");
    assertThat(noSheets.statusCode()).isEqualTo(422);
    assertThat(noSheets.body()).contains("工作簿中没有“教职工”工作表。");
  }

  @Test
  void aGoodWorkbookMakesTheSchoolAndItsAccountsOnceAndUpdatesWhatChanged() throws IOException {
    String p = unique();
    HttpResponse<String> r = upload("tadmin", "pw", workbook(school(p, "钱老师")), "zh-CN");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(counts(body, "学校")).isEqualTo("1/0/0");
    assertThat(counts(body, "校历")).isEqualTo("3/0/0");
    assertThat(counts(body, "班级")).isEqualTo("1/0/0");
    assertThat(counts(body, "教职工")).isEqualTo("3/0/0");
    assertThat(body.get("accounts")).hasSize(3);
    Map<String, String> initial = new LinkedHashMap<>();
    body.get("accounts").forEach(a -> initial.put(a.get("username").asText(), a.get("password").asText()));
    assertThat(initial).containsOnlyKeys(p + "c1", p + "t1", p + "m1");

    long schoolId = schools.findByName(p + "中心小学").orElseThrow().getId();
    long classId = classes.findBySchoolIdAndName(schoolId, "三年级(1)班").orElseThrow().getId();
    assertThat(groups(p + "t1")).containsExactlyInAnyOrder("teacher", "class-" + classId);
    assertThat(groups(p + "c1")).containsExactlyInAnyOrder("coordinator", "school-" + schoolId, "school-" + schoolId + "-coordinator");
    assertThat(groups(p + "m1")).containsExactlyInAnyOrder("subject-teacher", "mentor");
    assertThat(teachers.findByUsername(p + "m1").orElseThrow().isMentor()).isTrue();
    assertThat(teachers.findByUsername(p + "m1").orElseThrow().getMaxMentees()).isEqualTo(3);
    assertThat(terms.findBySchoolIdOrderByStartDate(schoolId)).extracting(t -> t.getName() + " " + t.getEndDate())
        .containsExactly("2030年秋季学期 2031-01-20", "2031年春季学期 2031-07-04");

    // the API works with the initial password at once; a page login first asks for a new one
    String teacher = p + "t1";
    assertThat(browser().basic("/engine-rest/task/count", teacher, initial.get(teacher)).statusCode()).isEqualTo(200);
    WebSession web = browser().login(teacher, initial.get(teacher));
    HttpResponse<String> inbox = web.get("/");
    assertThat(inbox.statusCode()).isEqualTo(302);
    assertThat(inbox.headers().firstValue("Location").orElse("")).endsWith("/account/password");
    HttpResponse<String> page = web.get("/account/password");
    assertThat(page.body()).contains("您使用的是初始密码");
    HttpResponse<String> tooShort = web.post("/account/password", Map.of("current", List.of(initial.get(teacher)),
        "password", List.of("short"), "repeat", List.of("short")));
    assertThat(tooShort.statusCode()).isEqualTo(422);
    assertThat(tooShort.body()).contains("密码至少需要 8 个字符");
    HttpResponse<String> changed = web.post("/account/password", Map.of("current", List.of(initial.get(teacher)),
        "password", List.of("Qingshan-2030"), "repeat", List.of("Qingshan-2030")));
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(web.get("/").statusCode()).isEqualTo(200);
    HttpResponse<String> again = browser().login(teacher, "Qingshan-2030").get("/");
    assertThat(again.statusCode()).isEqualTo(200);

    // the same workbook again: nothing new, no account, no password
    JsonNode second = json(upload("tadmin", "pw", workbook(school(p, "钱老师")), "zh-CN"));
    for (String sheet : List.of("学校", "班级", "教职工")) {
      assertThat(counts(second, sheet)).as(sheet).isEqualTo("0/0/1".replace("1", sheet.equals("教职工") ? "3" : "1"));
    }
    assertThat(counts(second, "校历")).isEqualTo("0/0/3");
    assertThat(second.get("accounts")).isEmpty();
    assertThat(browser().basic("/engine-rest/task/count", teacher, "Qingshan-2030").statusCode()).isEqualTo(200);

    // a changed name is an update
    JsonNode third = json(upload("tadmin", "pw", workbook(school(p, "钱晓梅")), "zh-CN"));
    assertThat(counts(third, "教职工")).isEqualTo("0/1/2");
    assertThat(teachers.findByUsername(teacher).orElseThrow().getName()).isEqualTo("钱晓梅");
    assertThat(identity.createUserQuery().userId(teacher).singleResult().getFirstName()).isEqualTo("钱晓梅");
  }

  @Test
  void aPasswordSetOverTheEngineApiWorksAtOnceAndNeedsNoChange() throws IOException {
    String p = unique();
    HttpResponse<String> r = upload("tadmin", "pw", workbook(school(p, "钱老师")), "zh-CN");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String coordinator = p + "c1";
    HttpResponse<String> set = browser().send(HttpRequest.newBuilder(browser().uri("/engine-rest/user/" + coordinator + "/credentials"))
        .header("Authorization", basic("tadmin", "pw")).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"Set-by-admin-1\",\"authenticatedUserPassword\":\"pw\"}")).build());
    assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
    assertThat(browser().basic("/api/oversight/targets", coordinator, "Set-by-admin-1").statusCode()).isNotIn(401, 403);
    HttpResponse<String> page = browser().login(coordinator, "Set-by-admin-1").get("/");
    assertThat(page.statusCode()).isEqualTo(200);
  }

  private List<String> groups(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
  }
}
