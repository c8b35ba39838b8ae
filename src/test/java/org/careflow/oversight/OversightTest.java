package org.careflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.identity.Accounts;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard, its JSON and its Excel export over real HTTP, on a class of its own whose five children's
 * verification visits are due at different times: one more than 30 days late, one 8–30 days, one 1–7 days,
 * one due within 3 days, one due later.
 */
class OversightTest extends CareflowTest {

  private static final AtomicInteger STUDENT_NO = new AtomicInteger(7000);
  private static final String CLASS_NAME = "督导测试班";
  static final LocalDateTime NOW = LocalDateTime.of(2026, 10, 25, 10, 0);

  @Autowired CaseLifecycle lifecycle;
  @Autowired Accounts accounts;
  @Autowired SchoolClassRepository classes;
  @Autowired TeacherRepository teachers;
  @Autowired PlatformTransactionManager txm;

  static SchoolClass oversightClass;
  static final Map<String, Long> CHILDREN = new HashMap<>();

  @BeforeEach
  synchronized void aClassWithWorkInEveryAgeBucket() {
    if (oversightClass == null) {
      new TransactionTemplate(txm).executeWithoutResult(s -> {
        accounts.ensureUser("toversight", "督导测试班主任", "pw", Roles.TEACHER);
        teachers.save(new Teacher("toversight", "督导测试班主任", school.classA.getSchool(), "科学", false));
        oversightClass = classes.save(new SchoolClass(school.classA.getSchool(), CLASS_NAME, 3, "toversight"));
      });
      // registered on these days, so the verification visit (14 days) is due on the day shown
      register("超期甲", LocalDateTime.of(2026, 9, 7, 9, 0));   // due 09-21: 34 days late
      register("超期乙", LocalDateTime.of(2026, 10, 1, 9, 0));  // due 10-15: 10 days late
      register("超期丙", LocalDateTime.of(2026, 10, 10, 9, 0)); // due 10-24: hours late
      register("将到期", LocalDateTime.of(2026, 10, 13, 9, 0)); // due 10-27: within 3 days
      register("未到期", LocalDateTime.of(2026, 10, 20, 9, 0)); // due 11-03
    }
    clockAt(NOW);
  }

  private void register(String name, LocalDateTime at) {
    clockAt(at);
    long caseId = lifecycle.enrol(name, oversightClass.getId(), "tcoordinator").getId();
    Map<String, java.util.List<String>> form = archive("O" + STUDENT_NO.incrementAndGet(), "BOTH_AWAY", LocalDate.of(2026, 1, 1));
    form.put("name", java.util.List.of(name));
    school.complete(caseId, "registerChild", TestSchool.as("toversight", Roles.TEACHER), form);
    CHILDREN.put(name, caseId);
  }

  private HttpResponse<String> api(String path, String user) {
    return browser().basic(path, user, "pw");
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return new ObjectMapper().readTree(r.body());
  }

  private static JsonNode group(JsonNode list, String name) {
    for (JsonNode n : list) {
      if (name.equals(n.path("group").asText())) {
        return n;
      }
    }
    throw new AssertionError("no group " + name + " in " + list);
  }

  @Test
  void byClassTheOverdueWorkIsCountedAndAgedInTheThreeBuckets() throws Exception {
    HttpResponse<String> r = api("/api/oversight/overdue?groupBy=class", "tsupervisor");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/json");
    JsonNode mine = group(json(r), CLASS_NAME);
    assertThat(mine.path("overdue").asLong()).isEqualTo(3);
    assertThat(mine.path("dueSoon").asLong()).isEqualTo(1);
    assertThat(mine.path("buckets").path("1-7").asLong()).isEqualTo(1);
    assertThat(mine.path("buckets").path("8-30").asLong()).isEqualTo(1);
    assertThat(mine.path("buckets").path(">30").asLong()).isEqualTo(1);
  }

  @Test
  void byTeacherAndByObligationNameTheTeacherAndTheTask() throws Exception {
    JsonNode teacher = group(json(api("/api/oversight/overdue?groupBy=teacher", "tcoordinator")), "督导测试班主任");
    assertThat(teacher.path("key").asText()).isEqualTo("toversight");
    assertThat(teacher.path("overdue").asLong()).isEqualTo(3);
    JsonNode visits = group(json(api("/api/oversight/overdue?groupBy=obligation", "tadmin")), "核实家访");
    assertThat(visits.path("key").asText()).isEqualTo("verificationVisit");
    assertThat(visits.path("buckets").path(">30").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aClassTeacherMayNotSeeTheOversight() {
    assertThat(api("/api/oversight/overdue?groupBy=class", "tteacher").statusCode()).isEqualTo(403);
    assertThat(api("/api/oversight/targets", "tteacher").statusCode()).isEqualTo(403);
    assertThat(api("/api/oversight/overdue.xlsx", "tteacher").statusCode()).isEqualTo(403);
    assertThat(browser().login("tteacher", "pw").get("/oversight").statusCode()).isEqualTo(403);
    assertThat(browser().get("/api/oversight/targets").statusCode()).isEqualTo(401);
  }

  @Test
  void anUnknownGroupingOrTermIsAClearBadRequest() throws Exception {
    HttpResponse<String> r = api("/api/oversight/overdue?groupBy=school", "tsupervisor");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("groupBy").asText()).contains("class", "teacher", "obligation", "school");
    assertThat(api("/api/oversight/overdue.xlsx?groupBy=grade", "tsupervisor").statusCode()).isEqualTo(400);
    HttpResponse<String> term = api("/api/oversight/targets?term=987654", "tsupervisor");
    assertThat(term.statusCode()).isEqualTo(400);
    assertThat(json(term).path("term").asText()).contains("987654");
    assertThat(api("/api/oversight/targets?term=abc", "tsupervisor").statusCode()).isEqualTo(400);
  }

  @Test
  void theTargetsOfTheCurrentTermAreSharesBetweenZeroAndOne() throws Exception {
    JsonNode t = json(api("/api/oversight/targets", "tsupervisor"));
    assertThat(t.path("term").path("id").asLong()).isEqualTo(school.autumn.getId());
    for (String rate : new String[] {"archiveRate", "pairingRate", "onTimeTalkRate"}) {
      assertThat(t.path(rate).isNumber()).as(rate).isTrue();
      assertThat(t.path(rate).asDouble()).as(rate).isBetween(0.0, 1.0);
    }
    assertThat(t.path("archiveRate").asDouble()).isGreaterThan(0);
    assertThat(t.path("guardianMeetingsHeld").isIntegralNumber()).isTrue();
    // high-risk children with and without a support plan (SupportPlanProcessTest checks the counting)
    assertThat(t.path("atRiskWithPlan").isIntegralNumber()).isTrue();
    assertThat(t.path("atRiskWithoutPlan").isIntegralNumber()).isTrue();
    assertThat(t.path("talkByMonth").get(0).path("month").asText()).isEqualTo("2026-09");
    // registered on 09-07, 10-01 and 10-10 and still not visited: more than 14 days later, missed
    assertThat(t.path("missed").path("unverifiedArchives").asLong()).isGreaterThanOrEqualTo(3);
    JsonNode earlier = json(api("/api/oversight/targets?term=" + school.autumn.getId(), "tsupervisor"));
    assertThat(earlier.path("term").path("name").asText()).isEqualTo("2026年秋季学期");
  }

  @Test
  void theExcelWorkbookHasChineseHeadersAndTheSameFigures() throws Exception {
    String token = Base64.getEncoder().encodeToString("tsupervisor:pw".getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(browser().uri("/api/oversight/overdue.xlsx?groupBy=class"))
        .header("Authorization", "Basic " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("overdue-class.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Sheet sheet = wb.getSheetAt(0);
      Row head = sheet.getRow(0);
      assertThat(head.getCell(0).getStringCellValue()).isEqualTo("班级");
      assertThat(head.getCell(1).getStringCellValue()).isEqualTo("逾期");
      assertThat(head.getCell(5).getStringCellValue()).isEqualTo("逾期30天以上");
      Row mine = null;
      for (Row row : sheet) {
        if (CLASS_NAME.equals(row.getCell(0).getStringCellValue())) {
          mine = row;
        }
      }
      assertThat(mine).isNotNull();
      assertThat(mine.getCell(1).getNumericCellValue()).isEqualTo(3.0);
      assertThat(mine.getCell(2).getNumericCellValue()).isEqualTo(1.0);
    }
  }

  @Test
  void theDashboardShowsTheClassTheTeacherAndTheChildrenWithChartsFromSelfHostedScripts() {
    var session = browser().login("tsupervisor", "pw");
    HttpResponse<String> page = session.get("/oversight");
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("督导看板", "建档率", "结对帮扶率", CLASS_NAME, "督导测试班主任", "超期甲", "逾期30天以上", "核实家访");
    long childId = ((Number) new org.springframework.jdbc.core.JdbcTemplate(dataSource)
        .queryForObject("SELECT child_id FROM cf_case WHERE id = ?", Long.class, CHILDREN.get("超期甲"))).longValue();
    assertThat(html).contains("href=\"/children/" + childId + "\"");
    assertThat(html).contains("src=\"/webjars/echarts/5.5.0/echarts.min.js\"", "src=\"/js/oversight.js\"", "data-months=", "data-values=");
    assertThat(html).doesNotContain("<script>");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    assertThat(session.get("/webjars/echarts/5.5.0/echarts.min.js").statusCode()).isEqualTo(200);
    assertThat(session.get("/js/oversight.js").statusCode()).isEqualTo(200);
    assertThat(session.get("/oversight?lang=en").body()).contains("Oversight", "Archive coverage", "Over 30 days late");
    assertThat(session.get("/oversight/overdue.xlsx?groupBy=teacher").statusCode()).isEqualTo(200);
  }

  @Autowired javax.sql.DataSource dataSource;
}
