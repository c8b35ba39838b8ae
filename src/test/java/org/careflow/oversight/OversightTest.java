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
import org.careflow.shared.Deadlines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard, its JSON and its Excel export over real HTTP, on a class of its own whose five children's
 * verification visits are due at different times: one more than 30 days late, one 8–30 days, one 1–7 days,
 * one due within 3 days, one due later. Care starts at eligibility, so by 25 October the class also owes
 * work of the child registered on 7 September: its September talk and two family-ties tasks (8–30 days
 * late), and the class's guardian meeting, due to be planned in the term's fourth week (more than 30 days
 * late). Overdue in all: 7 (1–7: 1, 8–30: 4, more than 30: 2).
 */
class OversightTest extends CareflowTest {

  private static final String CLASS_NAME = "督导测试班";
  static final LocalDateTime NOW = LocalDateTime.of(2026, 10, 25, 10, 0);

  @Autowired CaseLifecycle lifecycle;
  @Autowired Accounts accounts;
  @Autowired SchoolClassRepository classes;
  @Autowired TeacherRepository teachers;
  @Autowired PlatformTransactionManager txm;

  static SchoolClass oversightClass;
  static final Map<String, Long> CHILDREN = new HashMap<>();
  /** The context (H2, or PostgreSQL in OversightPostgresTest) whose database holds the class above. */
  static TestSchool madeIn;

  @BeforeEach
  synchronized void aClassWithWorkInEveryAgeBucket() {
    if (madeIn != school) {
      madeIn = school;
      CHILDREN.clear();
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
    Map<String, java.util.List<String>> form = archive(TestSchool.nextStudentNo("O"), "BOTH_AWAY", LocalDate.of(2026, 1, 1));
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
    assertThat(mine.path("overdue").asLong()).isEqualTo(7);
    assertThat(mine.path("dueSoon").asLong()).isEqualTo(1);
    assertThat(mine.path("buckets").path("1-7").asLong()).isEqualTo(1);
    assertThat(mine.path("buckets").path("8-30").asLong()).isEqualTo(4);
    assertThat(mine.path("buckets").path(">30").asLong()).isEqualTo(2);
  }

  @Test
  void byTeacherAndByObligationNameTheTeacherAndTheTask() throws Exception {
    JsonNode teacher = group(json(api("/api/oversight/overdue?groupBy=teacher", "tcoordinator")), "督导测试班主任");
    assertThat(teacher.path("key").asText()).isEqualTo("toversight");
    assertThat(teacher.path("overdue").asLong()).isEqualTo(7);
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
    // the API's one error shape (README): problem details, 422 for a value against the rules, 400 for a malformed one
    HttpResponse<String> r = api("/api/oversight/overdue?groupBy=district", "tsupervisor");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(json(r).path("fields").path("groupBy").asText()).contains("school", "class", "teacher", "obligation", "district");
    assertThat(api("/api/oversight/overdue.xlsx?groupBy=grade", "tsupervisor").statusCode()).isEqualTo(422);
    HttpResponse<String> term = api("/api/oversight/targets?term=987654", "tsupervisor");
    assertThat(term.statusCode()).isEqualTo(422);
    assertThat(json(term).path("fields").path("term").asText()).contains("987654");
    HttpResponse<String> malformed = api("/api/oversight/targets?term=abc", "tsupervisor");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed).path("fields").has("term")).isTrue();
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
      assertThat(mine.getCell(1).getNumericCellValue()).isEqualTo(7.0);
      assertThat(mine.getCell(2).getNumericCellValue()).isEqualTo(1.0);
    }
  }

  @Test
  void theDashboardShowsTheClassTheTeacherAndTheObligationWithChartsFromSelfHostedScripts() {
    var session = browser().login("tsupervisor", "pw");
    HttpResponse<String> page = session.get("/oversight");
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("关爱工作看板", "建档率", "结对帮扶率", CLASS_NAME, "督导测试班主任", "逾期30天以上", "核实家访");
    // every figure links to the children behind it
    assertThat(html).contains("href=\"/oversight/cases?class=" + oversightClass.getId() + "&amp;bucket=%3E30\"",
        "href=\"/oversight/cases?teacher=toversight&amp;bucket=overdue\"", "href=\"/oversight/cases?obligation=verificationVisit&amp;bucket=overdue\"");
    assertThat(html).contains("src=\"/webjars/echarts/5.5.0/echarts.min.js\"", "src=\"/js/oversight.js\"", "data-months=", "data-values=");
    assertThat(html).doesNotContain("<script>");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    assertThat(session.get("/webjars/echarts/5.5.0/echarts.min.js").statusCode()).isEqualTo(200);
    assertThat(session.get("/js/oversight.js").statusCode()).isEqualTo(200);
    assertThat(session.get("/oversight?lang=en").body()).contains("Oversight", "Archive coverage", "Over 30 days late");
    assertThat(session.get("/oversight/overdue.xlsx?groupBy=teacher").statusCode()).isEqualTo(200);
    assertThat(session.get("/oversight/overdue.xlsx?groupBy=school").statusCode()).isEqualTo(200);
    assertThat(session.get("/oversight/targets.xlsx").statusCode()).isEqualTo(200);
  }

  @Test
  void aFigureOpensTheListOfItsChildrenEachLinkingToTheChildsPage() {
    var session = browser().login("tsupervisor", "pw");
    String overdue = session.get("/oversight/cases?class=" + oversightClass.getId() + "&bucket=overdue").body();
    assertThat(overdue).contains(CLASS_NAME, "督导测试班主任", "超期甲", "超期乙", "超期丙", "href=\"/children/" + childOf("超期甲") + "\"")
        .doesNotContain(">将到期<", ">未到期<");
    String worst = session.get("/oversight/cases?class=" + oversightClass.getId() + "&bucket=%3E30").body();
    assertThat(worst).contains(">超期甲<").doesNotContain(">超期乙<", ">超期丙<");
    assertThat(session.get("/oversight/cases?teacher=toversight&bucket=dueSoon").body()).contains(">将到期<").doesNotContain(">超期甲<");
    assertThat(session.get("/oversight/cases?obligation=verificationVisit&bucket=8-30").body()).contains(">超期乙<");
    assertThat(session.get("/oversight/cases?class=" + oversightClass.getId() + "&bucket=late").statusCode()).isEqualTo(422);
    HttpResponse<byte[]> xlsx = session.send(HttpRequest.newBuilder(browser().uri("/oversight/cases.xlsx?class=" + oversightClass.getId()
        + "&bucket=overdue")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("儿童");
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theTargetsWorkbookHasTheTermTheMonthsTheMissedWorkAndTheEscalations() throws Exception {
    String token = Base64.getEncoder().encodeToString("tcoordinator:pw".getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(browser().uri("/api/oversight/targets.xlsx"))
        .header("Authorization", "Basic " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("目标");
      assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("2026年秋季学期");
      assertThat(wb.getSheet("每月谈心").getRow(1).getCell(0).getStringCellValue()).isEqualTo("2026-09");
      assertThat(wb.getSheet("未完成的工作").getRow(4).getCell(1).getNumericCellValue()).isGreaterThanOrEqualTo(3.0);
      assertThat(wb.getSheet("已上报校领导")).isNotNull();
    }
  }

  @Autowired OversightQueries queries;
  @Autowired OpenWork openWork;
  @Autowired java.util.List<org.careflow.shared.CaseScopes> caseScopes;

  /**
   * The dashboard reads a summary kept from the engine's task events; here every open task of the test
   * school is counted the plain way (the engine's task query, each task's case, child and class looked up
   * one by one, {@link Deadlines} applied in Java) and the figures must be the same, also after a task is
   * handed to another teacher and its due date moved, and after the summary is rebuilt from scratch.
   */
  @Test
  void theFiguresAreThoseOfAPlainCountOfEveryOpenTask() {
    assertSameAsPlainCount();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(String.valueOf(CHILDREN.get("未到期")))
        .taskDefinitionKey("verificationVisit").singleResult().getId();
    java.util.Date due = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getDueDate();
    try {
      engine.getTaskService().setAssignee(taskId, "tteacher2");
      org.camunda.bpm.engine.task.Task t = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      t.setDueDate(java.util.Date.from(java.time.Instant.parse("2026-10-20T10:00:00Z")));
      engine.getTaskService().saveTask(t);
      assertThat(group(queries.overdue(OversightQueries.GroupBy.CLASS, Scope.classes(java.util.Set.of(oversightClass.getId()))),
          String.valueOf(oversightClass.getId())).counts().overdue()).isEqualTo(8);
      assertSameAsPlainCount();
    } finally {
      engine.getTaskService().setAssignee(taskId, "toversight");
      org.camunda.bpm.engine.task.Task t = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      t.setDueDate(due);
      engine.getTaskService().saveTask(t);
    }
    assertSameAsPlainCount();
    OversightQueries.OverdueFigures before = queries.figures(Scope.ALL);
    openWork.rebuild();
    assertThat(queries.figures(Scope.ALL)).isEqualTo(before);
  }

  @Autowired org.careflow.child.ChildArchive archive;

  @Test
  void aChildMovedToAnotherClassTakesItsOpenWorkAlong() {
    SchoolClass[] other = new SchoolClass[1];
    new TransactionTemplate(txm).executeWithoutResult(s -> other[0] = classes.save(new SchoolClass(school.classA.getSchool(), "督导转入班", 3, "toversight")));
    long childId = childOf("超期乙");
    try {
      archive.moveToClass(childId, other[0], "toversight");
      assertThat(queries.figures(Scope.classes(java.util.Set.of(other[0].getId()))).total()).isEqualTo(new OversightQueries.Counts(1, 0, 0, 1, 0));
      assertThat(queries.figures(Scope.classes(java.util.Set.of(oversightClass.getId()))).total()).isEqualTo(new OversightQueries.Counts(6, 1, 1, 3, 2));
      assertSameAsPlainCount();
    } finally {
      archive.moveToClass(childId, oversightClass, "toversight");
    }
    assertThat(queries.figures(Scope.classes(java.util.Set.of(oversightClass.getId()))).total()).isEqualTo(new OversightQueries.Counts(7, 1, 1, 4, 2));
  }

  @Test
  void aScopeLimitsTheFiguresToItsSchoolsOrClasses() {
    OversightQueries.OverdueFigures mine = queries.figures(Scope.classes(java.util.Set.of(oversightClass.getId())));
    assertThat(mine.byClass()).extracting(OversightQueries.GroupRow::label).containsExactly(CLASS_NAME);
    assertThat(mine.total()).isEqualTo(new OversightQueries.Counts(7, 1, 1, 4, 2));
    assertThat(queries.figures(Scope.schools(java.util.Set.of(oversightClass.getSchool().getId()))).byClass())
        .extracting(OversightQueries.GroupRow::label).contains(CLASS_NAME);
    assertThat(queries.figures(Scope.schools(java.util.Set.of())).byClass()).isEmpty();
    assertThat(queries.cases(new OversightQueries.CaseFilter(null, null, null, "verificationVisit", "overdue"),
        Scope.classes(java.util.Set.of(oversightClass.getId())), 100)).extracting(OversightQueries.ChildRow::childName)
        .containsExactlyInAnyOrder("超期甲", "超期乙", "超期丙");
  }

  /**
   * The targets come from summaries kept at the write points (a case's row at each of its task events, a
   * period's count when a talk or check-in is recorded). A child taken into care in September of a class
   * of its own, talked to on time in September and checked in on the first week, gives the figures of the
   * definitions; and the summaries rebuilt from the records give the same targets, for the class and for
   * all schools.
   */
  @Test
  void theTargetsFollowTheRecordsAsTheyAreWrittenAndMatchARebuildFromTheRecords() {
    String teacher = school.newUser("ttargets", Roles.TEACHER);
    SchoolClass own = school.newClass("四", 4, teacher);
    Scope scope = Scope.classes(java.util.Set.of(own.getId()));
    clockAt(LocalDateTime.of(2026, 9, 2, 9, 0));
    long caseId = school.caseInCare(own, TestSchool.as(teacher, Roles.TEACHER), "tmentor", "O");
    // the pairing week's check-in (its week: 08-31 to 09-06), then the next week's, whose task the case's
    // timer gives on Monday 09-07: a check-in lies in its own week
    clockAt(LocalDateTime.of(2026, 9, 4, 16, 0));
    school.complete(caseId, "weeklyCheckIn", TestSchool.as("tmentor", "mentor"), TestSchool.form("checkInDate", "2026-09-04", "mood", "CALM", "topics", "study"));
    clockAt(LocalDateTime.of(2026, 9, 11, 16, 0));
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("child-case")
        .processInstanceBusinessKey(Long.toString(caseId)).singleResult().getId();
    engine.getManagementService().createJobQuery().processInstanceId(instance).executable().list()
        .forEach(j -> engine.getManagementService().executeJob(j.getId()));
    school.complete(caseId, "weeklyCheckIn", TestSchool.as("tmentor", "mentor"), TestSchool.form("checkInDate", "2026-09-11", "mood", "CALM", "topics", "study"));
    clockAt(LocalDateTime.of(2026, 9, 20, 16, 0));
    school.complete(caseId, "monthlyTalk", TestSchool.as(teacher, Roles.TEACHER),
        TestSchool.form("talkDate", "2026-09-20", "topics", "study", "mood", "CALM", "parentsInformed", "true"));
    clockAt(NOW);

    OversightQueries.Targets t = queries.targets(null, scope);
    assertThat(t.cases()).isEqualTo(1);
    assertThat(t.archiveRate()).isEqualTo(1.0);
    assertThat(t.pairingRate()).isEqualTo(1.0);
    assertThat(t.talkByMonth().get(0)).isEqualTo(new OversightQueries.MonthRate("2026-09", 1, 1, 1));
    assertThat(t.missed().talkMonths()).isZero();
    assertThat(t.missed().unverifiedArchives()).isZero();
    // paired on 09-02: seven weeks from the pairing week's have ended by 10-25 (08-31 to 10-12), two check-ins held
    assertThat(t.missed().checkInWeeks()).isEqualTo(5);
    OversightQueries.Targets all = queries.targets(null);
    openWork.rebuild();
    assertThat(queries.targets(null, scope)).isEqualTo(t);
    assertThat(queries.targets(null)).isEqualTo(all);
  }

  private static OversightQueries.GroupRow group(java.util.List<OversightQueries.GroupRow> rows, String key) {
    return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no " + key + " in " + rows));
  }

  private void assertSameAsPlainCount() {
    java.time.Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
    Deadlines.Cutoffs c = Deadlines.cutoffs(now);
    org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    Map<String, long[]> byClass = new java.util.TreeMap<>();
    Map<String, long[]> byTeacher = new java.util.TreeMap<>();
    Map<String, long[]> byObligation = new java.util.TreeMap<>();
    for (org.camunda.bpm.engine.task.Task t : engine.getTaskService().createTaskQuery().dueBefore(java.util.Date.from(c.dueSoonEnd().plusMillis(1))).list()) {
      if (t.getProcessInstanceId() == null) {
        continue;
      }
      org.camunda.bpm.engine.runtime.ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
      String sql = pi.getProcessDefinitionId().startsWith("guardian-meeting:")
          ? "SELECT class_id FROM cf_guardian_meeting WHERE id = ?"
          : "SELECT ch.school_class_id FROM cf_case k JOIN cf_child ch ON ch.id = k.child_id WHERE k.id = ?";
      // the dashboard places the tasks of cases and meetings in their class, those of the processes with a
      // prefixed business key (class-, absence-, referral-, holiday-, …) where the module owning the process
      // says its instance belongs (a term archive's: the school, class 0)
      String key = pi.getBusinessKey();
      String processKey = pi.getProcessDefinitionId().substring(0, pi.getProcessDefinitionId().indexOf(':'));
      java.util.List<Long> cls = key != null && key.matches("\\d+") ? jdbc.queryForList(sql, Long.class, Long.valueOf(key))
          : caseScopes.stream().filter(s -> s.processKeys().contains(processKey)).findFirst()
              .flatMap(s -> s.scopeOf(key)).map(s -> java.util.List.of(s.classId())).orElse(java.util.List.of());
      int slot = Deadlines.of(t.getDueDate(), now) == Deadlines.State.DUE_SOON ? 1 : 2 + Deadlines.bucketOf(t.getDueDate(), now).ordinal();
      for (var e : java.util.List.of(Map.entry(byClass, String.valueOf(cls.isEmpty() ? 0 : cls.get(0))),
          Map.entry(byTeacher, t.getAssignee() == null ? "" : t.getAssignee()), Map.entry(byObligation, t.getTaskDefinitionKey()))) {
        long[] v = e.getKey().computeIfAbsent(e.getValue(), k -> new long[5]);
        v[slot]++;
        if (slot >= 2) {
          v[0]++;
        }
      }
    }
    assertThat(plain(queries.overdue(OversightQueries.GroupBy.CLASS))).isEqualTo(asText(byClass));
    assertThat(plain(queries.overdue(OversightQueries.GroupBy.TEACHER))).isEqualTo(asText(byTeacher));
    assertThat(plain(queries.overdue(OversightQueries.GroupBy.OBLIGATION))).isEqualTo(asText(byObligation));
  }

  private static Map<String, String> plain(java.util.List<OversightQueries.GroupRow> rows) {
    Map<String, String> out = new java.util.TreeMap<>();
    rows.forEach(r -> out.put(r.key(), java.util.Arrays.toString(new long[] {r.counts().overdue(), r.counts().dueSoon(), r.counts().days1to7(),
        r.counts().days8to30(), r.counts().over30()})));
    return out;
  }

  private static Map<String, String> asText(Map<String, long[]> m) {
    Map<String, String> out = new java.util.TreeMap<>();
    m.forEach((k, v) -> out.put(k, java.util.Arrays.toString(v)));
    return out;
  }

  private long childOf(String name) {
    return new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject("SELECT child_id FROM cf_case WHERE id = ?", Long.class, CHILDREN.get(name));
  }

  @Autowired javax.sql.DataSource dataSource;
}
