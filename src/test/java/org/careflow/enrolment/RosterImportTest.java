package org.careflow.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.child.ChildArchive;
import org.careflow.child.RosterArchive;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Real .xlsx rosters posted as the coordinators' tools do: all or nothing, idempotent by student number. */
class RosterImportTest extends CareflowTest {

  @Autowired RuntimeService runtime;
  @Autowired ChildArchive archive;
  @Autowired RosterArchive roster;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  static final String[] HEADERS = {"学号", "姓名", "性别", "出生日期", "班级", "留守类型", "监护人姓名", "监护人关系", "监护人电话",
      "父亲姓名", "父亲电话", "父亲务工地", "母亲姓名", "母亲电话", "母亲务工地", "家庭住址"};

  /** A roster workbook; a LocalDate value becomes a real Excel date cell. */
  static byte[] roster(Object[]... rows) throws IOException {
    try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("花名册");
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADERS.length; i++) {
        header.createCell(i).setCellValue(HEADERS[i]);
      }
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows[r].length; c++) {
          Object v = rows[r][c];
          if (v instanceof LocalDate d) {
            row.createCell(c).setCellValue(d);
            row.getCell(c).setCellStyle(date);
          } else if (v != null) {
            row.createCell(c).setCellValue(v.toString());
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  static Object[] child(String no, String name, String className, String guardianPhone) {
    return new Object[] {no, name, "女", LocalDate.of(2018, 5, 6), className, "父母双方外出务工", "张奶奶", "祖母", guardianPhone,
        "张建国", "13800001111", "广东深圳", "李红", "13900002222", "浙江宁波", "测试镇河口村5组"};
  }

  HttpResponse<String> post(String user, byte[] file, String language) {
    org.careflow.WebSession api = browser();
    return api.send(api.multipart("/api/import/roster", java.util.Map.of(), new org.careflow.WebSession.FilePart("file", "花名册.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file))
        .header("Authorization", org.careflow.WebSession.basicAuth(user, "pw"))
        .header("Accept-Language", language).build());
  }

  /** Uploads a roster on the import page and returns the job the page follows. */
  static String uploadOnPage(org.careflow.WebSession page, byte[] file) {
    page.get("/import");
    HttpResponse<String> upload = page.upload("/import", java.util.Map.of(),
        new org.careflow.WebSession.FilePart("file", "roster.xlsx", "application/octet-stream", file));
    assertThat(upload.statusCode()).isEqualTo(302);
    String location = upload.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("job=") + 4);
  }

  long cases() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("child-case").count();
  }

  @Test
  void theTemplateHasTheColumnsAndTheSchoolsClasses() throws IOException {
    HttpResponse<byte[]> r = browser().send(HttpRequest.newBuilder(browser().uri("/api/import/roster/template.xlsx"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tcoordinator:pw".getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Row header = book.getSheetAt(0).getRow(0);
      for (int i = 0; i < HEADERS.length; i++) {
        assertThat(header.getCell(i).getStringCellValue()).isEqualTo(HEADERS[i]);
      }
      List<String> classes = new java.util.ArrayList<>();
      book.getSheetAt(1).forEach(row -> classes.add(row.getCell(0).getStringCellValue()));
      assertThat(classes).startsWith("班级").contains("一年级(1)班", "一年级(2)班");
      assertThat(book.getSheetAt(0).getDataValidations()).isNotEmpty();
    }
  }

  @Test
  void aRosterImportedTwiceCreatesItsChildrenOnceAndUpdatesWhatChanged() throws IOException {
    long before = cases();
    String r1 = TestSchool.nextStudentNo("R"), r2 = TestSchool.nextStudentNo("R"), r3 = TestSchool.nextStudentNo("R");
    Object[] textDate = child(r3, "王梓萱", "一年级(2)班", "18700003333");
    textDate[3] = "2018/9/1";
    byte[] first = roster(child(r1, "赵雨涵", "一年级(1)班", "18700001111"), child(r2, "钱浩然", "一年级(1)班", "18700002222"), textDate);
    HttpResponse<String> r = post("tcoordinator", first, "zh-CN");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"created\":3", "\"updated\":0", "\"unchanged\":0");
    assertThat(cases()).isEqualTo(before + 3);

    HttpResponse<String> again = post("tcoordinator", first, "zh-CN");
    assertThat(again.body()).contains("\"created\":0", "\"updated\":0", "\"unchanged\":3");
    assertThat(cases()).isEqualTo(before + 3);

    byte[] changed = roster(child(r1, "赵雨涵", "一年级(1)班", "18700009999"), child(r2, "钱浩然", "一年级(1)班", "18700002222"), textDate);
    assertThat(post("tcoordinator", changed, "zh-CN").body()).contains("\"created\":0", "\"updated\":1", "\"unchanged\":2");
    var child = roster.byStudentNo(List.of(r1)).get(r1);
    assertThat(child.getGuardianPhone()).isEqualTo("18700009999");
    assertThat(archive.history(child.getId())).anySatisfy(h -> {
      assertThat(h.getField()).isEqualTo("guardianPhone");
      assertThat(h.getOldValue()).isEqualTo("18700001111");
    });
    assertThat(roster.byStudentNo(List.of(r3)).get(r3).getBirthDate()).isEqualTo(LocalDate.of(2018, 9, 1));
  }

  /**
   * A roster longer than two of the import's chunks (each chunk is written and then let go of, to keep
   * the import fast): every child is written, each new case's first task is its class teacher's to see in
   * the engine itself, the dashboard summarises every case, and a second import finds the children of
   * every chunk again.
   */
  @Test
  void aRosterOfSeveralChunksIsWrittenWholeAndEveryNewTaskIsItsTeachersToSee() throws IOException {
    int n = RosterImport.CHUNK * 2 + 30;
    String batch = TestSchool.batch("M"); // this test's children, and no other test's, have numbers starting so
    Object[][] rows = new Object[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = child(batch + i, "学生" + i, i % 2 == 0 ? "一年级(1)班" : "一年级(2)班", "186" + String.format("%08d", i));
    }
    HttpResponse<String> r = post("tcoordinator", roster(rows), "zh-CN");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"created\":" + n, "\"updated\":0");
    List<String> caseIds = jdbc.queryForList("SELECT CAST(c.id AS VARCHAR(20)) FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id"
        + " WHERE ch.student_no LIKE ?", String.class, batch + "%");
    assertThat(caseIds).hasSize(n);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_case d JOIN cf_child ch ON ch.id = d.child_id WHERE ch.student_no LIKE ?",
        Long.class, batch + "%")).isEqualTo(n);

    // the engine's own authorization check: each class teacher sees the registration of each of their
    // class's new children, and none of the other class's
    for (String teacher : List.of("tteacher", "tteacher2")) {
      List<String> groups = identity.createGroupQuery().groupMember(teacher).list().stream().map(g -> g.getId()).toList();
      identity.setAuthentication(teacher, groups);
      try {
        assertThat(tasks.createTaskQuery().taskDefinitionKey("registerChild").processInstanceBusinessKeyIn(caseIds.toArray(String[]::new)).count())
            .as(teacher).isEqualTo(n / 2);
      } finally {
        identity.clearAuthentication();
      }
    }

    // again, with changes in the last chunk: found, updated with history, no second case
    long before = cases();
    rows[n - 1] = child(batch + (n - 1), "学生" + (n - 1), "一年级(2)班", "18699999999");
    rows[n - 2] = child(batch + (n - 2), "学生" + (n - 2), "一年级(1)班", "18699999998");
    r = post("tcoordinator", roster(rows), "zh-CN");
    assertThat(r.body()).contains("\"created\":0", "\"updated\":2", "\"unchanged\":" + (n - 2));
    assertThat(cases()).isEqualTo(before);
    var last = roster.byStudentNo(List.of(batch + (n - 1))).get(batch + (n - 1));
    assertThat(last.getGuardianPhone()).isEqualTo("18699999999");
    assertThat(archive.history(last.getId())).anySatisfy(h -> assertThat(h.getField()).isEqualTo("guardianPhone"));
  }

  @Test
  void aRosterOfSeveralNewChildrenOfAClassStartsTheClasssTermMeetingOnce() throws IOException {
    org.careflow.school.SchoolClass c = school.newClass("三", 3, "tteacher");
    String batch = TestSchool.batch("G");
    Object[][] rows = new Object[5][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = child(batch + i, "学生" + i, c.getName(), "185" + String.format("%08d", i));
    }
    HttpResponse<String> r = post("tcoordinator", roster(rows), "zh-CN");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"created\":5");

    // the first new case starts the class's meeting of the term; the other four find it
    List<Long> meetings = jdbc.queryForList("SELECT id FROM cf_guardian_meeting WHERE class_id = ?", Long.class, c.getId());
    assertThat(meetings).hasSize(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(org.careflow.guardianmeeting.GuardianMeetings.PROCESS_KEY)
        .variableValueEquals("classId", c.getId()).list())
        .extracting(org.camunda.bpm.engine.runtime.ProcessInstance::getBusinessKey).containsExactly(meetings.get(0).toString());
  }

  @Test
  void aRosterWithBadRowsIsRefusedWholeRowByRow() throws IOException {
    long before = cases();
    String r1 = TestSchool.nextStudentNo("R"), r2 = TestSchool.nextStudentNo("R"), r3 = TestSchool.nextStudentNo("R");
    Object[] noName = child(r2, null, "一年级(1)班", "18700001111");
    byte[] bad = roster(child(r1, "孙佳怡", "一年级(1)班", "18700001111"), noName,
        child(r3, "李俊杰", "九年级(9)班", "123"), child(r1, "周博文", "一年级(1)班", "18700001111"));
    HttpResponse<String> r = post("tcoordinator", bad, "zh-CN");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("\"row\":3", "\"column\":\"姓名\"", "此项必填",
        "\"row\":4", "本校没有“九年级(9)班”这个班级", "\"column\":\"监护人电话\"",
        "\"row\":5", "学号与第 2 行重复");
    assertThat(r.body()).doesNotContain("\"row\":2,");
    assertThat(cases()).isEqualTo(before);
    assertThat(roster.byStudentNo(List.of(r1))).isEmpty();

    assertThat(post("tcoordinator", bad, "en").body()).contains("The school has no class");
    assertThat(post("tcoordinator", "not a workbook".getBytes(StandardCharsets.UTF_8), "zh-CN").body()).contains("不是有效的 Excel");
    assertThat(post("tteacher", bad, "zh-CN").statusCode()).isEqualTo(403);
  }

  /** The page: the upload runs in the background, the page follows its progress and then shows the counts or the errors. */
  @Test
  void onThePageALargeRosterShowsItsProgressAndThenItsOutcome() throws Exception {
    long before = cases();
    String batch = TestSchool.batch("P");
    Object[][] rows = new Object[600][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = child(batch + i, "学生" + i, "一年级(2)班", "187" + String.format("%08d", i));
    }
    org.careflow.WebSession page = browser().login("tcoordinator", "pw");
    String job = uploadOnPage(page, roster(rows));
    HttpResponse<String> following = page.get("/import?job=" + job);
    assertThat(following.statusCode()).isEqualTo(200);
    assertThat(following.body()).containsAnyOf("id=\"import-bar\"", "导入完成：新建 600 人");

    // the page polls the job; its status says how far it has got, and only its owner sees it
    String[] status = {""};
    TestSchool.await("the import to finish", java.time.Duration.ofMinutes(3), () -> {
      status[0] = page.get("/import/jobs/" + job).body();
      assertThat(status[0]).contains("\"state\"", "\"total\"", "\"written\"");
      return status[0].contains("\"DONE\"");
    });
    assertThat(status[0]).contains("\"state\":\"DONE\"", "\"total\":600", "\"written\":600", "\"created\":600");
    assertThat(browser().login("tadmin", "pw").get("/import/jobs/" + job).statusCode()).isEqualTo(404);
    assertThat(page.get("/import?job=" + job).body()).contains("导入完成：新建 600 人");
    assertThat(cases()).isEqualTo(before + 600);

    // a bad file: the page shows the rows' errors once the check has run
    byte[] bad = roster(child(TestSchool.nextStudentNo("P"), null, "一年级(1)班", "18700001111"));
    String badJob = uploadOnPage(page, bad);
    TestSchool.await("the bad roster to be checked", java.time.Duration.ofMinutes(1),
        () -> !page.get("/import/jobs/" + badJob).body().contains("\"CHECKING\""));
    assertThat(page.get("/import?job=" + badJob).body()).contains("花名册有误，没有导入任何内容", "此项必填");
  }
}
