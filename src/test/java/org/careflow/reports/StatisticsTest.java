package org.careflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.careflow.CareflowTest;
import org.careflow.SecondSchool;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.identity.Accounts;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The township's statistics workbook, opened with POI: sheets per school and a total, figures that follow the records. */
class StatisticsTest extends CareflowTest {

  @Autowired SecondSchool second;
  @Autowired Accounts accounts;
  @Autowired PlatformTransactionManager txm;

  /** The workbook from the API (basic authentication, as the township's scripts fetch it). */
  static XSSFWorkbook workbook(WebSession s, String user, String query) throws Exception {
    HttpResponse<byte[]> r = s.send(HttpRequest.newBuilder(s.uri("/api/reports/statistics.xlsx" + query)).header("Accept-Language", "zh-CN")
        .header("Authorization", WebSession.basicAuth(user, "pw")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return new XSSFWorkbook(new ByteArrayInputStream(r.body()));
  }

  /** The total sheet's rows: school name (or 合计) → figure label → value. */
  static Map<String, Map<String, Double>> totals(XSSFWorkbook wb) {
    Sheet t = wb.getSheet("合计");
    assertThat(t).as("total sheet").isNotNull();
    Row head = t.getRow(1);
    Map<String, Map<String, Double>> out = new HashMap<>();
    for (int r = 2; r <= t.getLastRowNum(); r++) {
      Row row = t.getRow(r);
      Map<String, Double> f = new HashMap<>();
      for (int c = 2; c < head.getLastCellNum(); c++) {
        f.put(head.getCell(c).getStringCellValue(), row.getCell(c).getNumericCellValue());
      }
      out.put(row.getCell(0).getStringCellValue(), f);
    }
    return out;
  }

  static int leavers(Sheet sheet, String name) {
    int n = 0;
    for (Row row : sheet) {
      if (row.getCell(0) != null && name.equals(row.getCell(0).toString())) {
        n++;
      }
    }
    return n;
  }

  com.fasterxml.jackson.databind.JsonNode targets(String user) throws Exception {
    HttpResponse<String> r = browser().basic("/api/oversight/targets?term=" + school.autumn.getId(), user, "pw");
    assertThat(r.statusCode()).isEqualTo(200);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
  }

  @Test
  void aTownshipOfficerGetsASheetPerSchoolAndTheTotalAndTheFiguresFollowTheRecords() throws Exception {
    second.ensure();
    String officer = school.newUser("town", Roles.SUPERVISOR);
    new TransactionTemplate(txm).executeWithoutResult(x -> {
      accounts.addToSchool(officer, school.classA.getSchool().getId());
      accounts.addToSchool(officer, second.school.getId());
    });
    WebSession s = browser().login(officer, "pw");
    double retentionBefore = targets(officer).path("retentionRate").asDouble();
    Map<String, Map<String, Double>> before;
    int leftBefore;
    try (XSSFWorkbook wb = workbook(s, officer, "")) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(3);
      assertThat(wb.getSheet("测试小学")).isNotNull();
      assertThat(wb.getSheet("第二测试小学")).isNotNull();
      before = totals(wb);
      leftBefore = leavers(wb.getSheet("测试小学"), "王小明");
    }
    // two children in care in a class of grade 5 of school 1; one leaves because the parents came home
    String teacher = school.newUser("statt", Roles.TEACHER);
    SchoolClass c = school.newClass("五", 5, teacher);
    var w = TestSchool.as(teacher, Roles.TEACHER);
    long case1 = school.caseInCare(c, w, "tmentor", "ST");
    long case2 = school.caseInCare(c, w, "tmentor", "ST");
    WebSession coordinator = browser().login("tcoordinator", "pw");
    coordinator.get("/");
    long child1 = new org.springframework.jdbc.core.JdbcTemplate(engine.getProcessEngineConfiguration().getDataSource())
        .queryForObject("SELECT child_id FROM cf_case WHERE id = ?", Long.class, case1);
    assertThat(coordinator.post("/cases/" + case1 + "/close", Map.of("reason", List.of("PARENTS_RETURNED"),
        "childId", List.of(Long.toString(child1)))).statusCode()).isEqualTo(302);
    // "other" needs its reason written; then the second child drops out of school (辍学)
    long child2 = new org.springframework.jdbc.core.JdbcTemplate(engine.getProcessEngineConfiguration().getDataSource())
        .queryForObject("SELECT child_id FROM cf_case WHERE id = ?", Long.class, case2);
    assertThat(coordinator.post("/cases/" + case2 + "/close", Map.of("reason", List.of("OTHER"),
        "childId", List.of(Long.toString(child2)))).statusCode()).isEqualTo(422);
    assertThat(coordinator.post("/cases/" + case2 + "/close", Map.of("reason", List.of("DROPPED_OUT"),
        "childId", List.of(Long.toString(child2)))).statusCode()).isEqualTo(302);

    try (XSSFWorkbook wb = workbook(s, officer, "?term=" + school.autumn.getId())) {
      Map<String, Map<String, Double>> after = totals(wb);
      Map<String, Double> b1 = before.get("测试小学");
      Map<String, Double> a1 = after.get("测试小学");
      assertThat(a1.get("关爱的留守儿童人数") - b1.get("关爱的留守儿童人数")).isEqualTo(2);
      assertThat(a1.get("男") - b1.get("男")).isEqualTo(2);
      assertThat(a1.get("五年级") - b1.get("五年级")).isEqualTo(2);
      assertThat(a1.get("父母双方外出务工") - b1.get("父母双方外出务工")).isEqualTo(2);
      assertThat(a1.get("祖父母（外祖父母）监护") - b1.get("祖父母（外祖父母）监护")).isEqualTo(2);
      assertThat(a1.get("较上学期新增") - b1.get("较上学期新增")).isEqualTo(2);
      assertThat(a1.get("本学期退出关爱") - b1.get("本学期退出关爱")).isEqualTo(2);
      assertThat(a1.get("本学期辍学") - b1.get("本学期辍学")).isEqualTo(1);
      String rate = "巩固率（本学期关爱儿童中未辍学的比例）";
      assertThat(a1.get(rate)).as("巩固率 falls").isLessThan(b1.get(rate));
      assertThat(a1.get(rate)).isEqualTo((a1.get("关爱的留守儿童人数") - a1.get("本学期辍学")) / a1.get("关爱的留守儿童人数"));
      assertThat(a1.get("其中因父母返乡退出") - b1.get("其中因父母返乡退出")).isEqualTo(1);
      assertThat(after.get("第二测试小学")).isEqualTo(before.get("第二测试小学"));
      // the total is the sum of the schools
      for (String k : a1.keySet().stream().filter(k -> !k.startsWith("巩固率")).toList()) {
        assertThat(after.get("合计").get(k)).as(k).isEqualTo(a1.get(k) + after.get("第二测试小学").get(k));
      }
      assertThat(leavers(wb.getSheet("测试小学"), "王小明")).isEqualTo(leftBefore + 2);
    }
    // the dashboard's targets: 巩固率 falls with the child who dropped out; both rates are fractions
    var targets = targets(officer);
    assertThat(targets.path("retentionRate").asDouble()).isLessThan(retentionBefore).isBetween(0.0, 1.0);
    assertThat(targets.path("enrolmentRate").asDouble()).isBetween(0.0, 1.0);
    assertThat(s.get("/oversight").body()).contains("巩固率", "入学率");
    // the page shows the same figures; a class teacher gets no statistics
    assertThat(s.get("/reports").body()).contains("留守儿童统计表", "第二测试小学", "测试小学");
    WebSession t = browser().login(teacher, "pw");
    assertThat(t.get("/reports").statusCode()).isEqualTo(403);
    assertThat(t.send(HttpRequest.newBuilder(t.uri("/api/reports/statistics.xlsx")).header("Authorization", WebSession.basicAuth(teacher, "pw"))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(403);
    assertThat(t.send(HttpRequest.newBuilder(t.uri("/reports/statistics.xlsx")).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
        .statusCode()).isEqualTo(403);
    // the page's own download, in the officer's session, is the same workbook
    HttpResponse<byte[]> own = s.send(HttpRequest.newBuilder(s.uri("/reports/statistics.xlsx")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(own.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(own.body()))) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(3);
    }
  }
}
