package org.careflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.SecondSchool;
import org.careflow.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every controller endpoint (enumerated from Spring MVC, so a new one fails this test until it is swept
 * or listed as holding no child's data) and the engine REST endpoints careflow relies on, called by each
 * role of school 1 with the ids of school 2's children, cases and tasks ({@link SecondSchool}): nothing of
 * them is shown (404/403, or left out of lists) and nothing of them changes.
 */
class ScopeSweepTest extends CareflowTest {

  /** The users of school 1, one per role: class teacher, mentor, subject teacher, counsellor, coordinator, supervisor. */
  static final List<String> SCHOOL_1 = List.of("tteacher", "tmentor", "tsubject", "tcounsellor", "tcoordinator", "tsupervisor");

  /** Endpoints that show or change no child's data, and why. */
  static final Map<String, String> NOT_CHILD_RELATED = Map.ofEntries(
      Map.entry("GET /login", "the login form"),
      Map.entry("GET /account/password", "the signed-in user's own password form"),
      Map.entry("POST /account/password", "changes the signed-in user's own password only"),
      Map.entry("GET /error", "Spring Boot's error page"),
      Map.entry("GET /api/setup/template.xlsx", "the empty set-up workbook (administrators)"),
      Map.entry("POST /api/setup", "schools, calendar, classes and staff from a workbook (administrators); no child"),
      Map.entry("GET /setup", "the set-up upload form (administrators)"),
      Map.entry("POST /setup", "schools, calendar, classes and staff from a workbook (administrators); no child"),
      Map.entry("GET /setup/passwords", "the initial passwords just made, in the administrator's own session"),
      Map.entry("POST /setup/passwords/clear", "forgets the initial passwords in the administrator's session"),
      Map.entry("GET /setup/calendar", "terms and holidays of the coordinator's schools"),
      Map.entry("POST /setup/calendar", "adds a term or holiday to a school the coordinator keeps"),
      Map.entry("POST /setup/calendar/holidays/{id}/delete", "removes a holiday of a school the coordinator keeps"),
      Map.entry("POST /setup/calendar/terms/{id}/meeting-week", "the week a school's guardian meetings are due by"),
      Map.entry("POST /setup/calendar/terms/{id}/delete", "removes an unused term of a school the coordinator keeps"),
      Map.entry("GET /setup/classes", "classes and class teachers of the coordinator's schools"),
      Map.entry("POST /setup/classes", "adds a class to a school the coordinator keeps"),
      Map.entry("POST /setup/classes/{id}/name", "renames a class of a school the coordinator keeps"),
      Map.entry("POST /setup/classes/{id}/teacher", "changes a class's teacher (scope and open tasks follow)"),
      Map.entry("GET /setup/staff", "staff of the coordinator's schools: names, roles, phones"),
      Map.entry("POST /setup/staff", "adds a colleague to a school the coordinator keeps"),
      Map.entry("POST /setup/staff/{username}/leave", "hands a leaver's classes, mentees and tasks to a colleague"),
      Map.entry("POST /setup/staff/{username}/password", "a new initial password for a colleague"),
      Map.entry("POST /setup/staff/{username}/roles", "a colleague's roles and most mentees"),
      Map.entry("POST /api/admin/backup", "administrators only: a backup of the whole database"),
      Map.entry("POST /api/admin/digest/send", "administrators only: today's 企业微信/钉钉 reminders now; counts, no child"),
      Map.entry("GET /admin/reminders", "administrators only: the schools' 企业微信/钉钉 channels and unsent messages (counts, no child)"),
      Map.entry("POST /admin/reminders", "administrators only: a school's 企业微信 application and 钉钉 robot"),
      Map.entry("POST /admin/reminders/classes/{id}", "administrators only: a class's 钉钉 robot"),
      Map.entry("POST /admin/reminders/send", "administrators only: today's reminders now"),
      Map.entry("POST /admin/reminders/messages/{id}/retry", "administrators only: tries a failed message again"),
      Map.entry("GET /account/reminders", "the signed-in user's own reminder channels"),
      Map.entry("POST /account/reminders", "the signed-in user's own choice of reminder channels"),
      Map.entry("POST /setup/staff/{username}/platform-ids", "a colleague's 企业微信/钉钉 ids, in a school the coordinator keeps"),
      Map.entry("GET /design", "process models: one set for the whole district, coordinators only"),
      Map.entry("GET /design/file", "a process model's file"),
      Map.entry("GET /design/diff", "the difference between two process models"),
      Map.entry("GET /design/migrate", "a migration's preview: counts of cases per step, no child"),
      Map.entry("POST /design/migrate", "migrates the district's cases to a new model version (coordinators; not per school)"),
      Map.entry("GET /design/migrations/{batchId}", "a migration batch's progress"),
      Map.entry("GET /import", "the roster import form"),
      Map.entry("GET /start", "redirects to the user's landing page by role (dashboard, my class or inbox); shows nothing"),
      Map.entry("GET /import/jobs/{id}", "a roster import's progress (counts), for the user who started it only"),
      Map.entry("GET /design/edit", "the model editors"),
      Map.entry("GET /design/drafts/{id}/edit", "a model draft in the editor"),
      Map.entry("GET /design/drafts/{id}/content", "a model draft's file"),
      Map.entry("POST /design/drafts", "saves a model draft"),
      Map.entry("GET /design/drafts/{id}", "a model draft"),
      Map.entry("POST /design/drafts/{id}/deploy", "deploys a model draft (the district's models, coordinators)"),
      Map.entry("POST /design/drafts/{id}/discard", "throws a model draft away"),
      Map.entry("GET /api/import/roster/template.xlsx", "the empty roster template with the user's own school's classes"),
      Map.entry("GET /import/template.xlsx", "the same empty roster template, for the signed-in coordinator's page"),
      Map.entry("GET /classes/{id}", "a class's guardian meetings (term, date, state) and its study buddies (the class's children's"
          + " names): its class teacher, its school's coordinators and administrators only, 404 for others (GuardianMeetingProcessTest,"
          + " StudyHelpTest)"),
      Map.entry("POST /classes/{id}/meetings", "starts a class's guardian meeting: the same people only, 404 for others"
          + " (GuardianMeetingProcessTest)"));

  @Autowired java.util.List<org.careflow.shared.CaseScopes> caseScopes;
  @Autowired SecondSchool second;

  static final String CARER_2 = "第二校志愿者";
  static final String CARER_2_PHONE = "13700002222";
  /** School 2's study-help plan, study buddy and carer (made once per JVM, written as its class teacher would). */
  private static long[] school2Help;
  @Autowired org.careflow.studyhelp.StudyHelpPlans studyHelpPlans;
  @Autowired org.careflow.studyhelp.StudyBuddies studyBuddies;
  @Autowired org.careflow.carers.Carers carers;
  @Autowired org.careflow.carers.CarerAssignments carerAssignments;
  @Autowired org.careflow.carers.CarerVisits carerVisits;

  private long[] school2Help() {
    synchronized (ScopeSweepTest.class) {
      if (school2Help == null) {
        org.careflow.TestSchool.clockAt(java.time.LocalDateTime.of(2026, 10, 20, 10, 0));
        try {
          org.careflow.identity.CurrentUser t3 = new org.careflow.identity.CurrentUser("tteacher3",
              List.of(Roles.TEACHER, Roles.classGroup(second.classD.getId())));
          long plan = studyHelpPlans.plan(t3, second.archiveChild,
              new org.careflow.studyhelp.StudyHelpPlans.PlanForm("thelper2", "数学", "每周一", "练习", "及格")).getId();
          long buddy = studyBuddies.chooseBuddy(t3, second.archiveChild, second.mentorChild).getId();
          long carer = carers.save(t3, null, new org.careflow.carers.Carers.Form(second.school.getId(), CARER_2, CARER_2_PHONE,
              "VOLUNTEER", "OTHER", null)).getId();
          carerAssignments.assign(t3, carer, second.mentorChild);
          carerVisits.recordContact(t3, second.mentorChild, carer, java.time.LocalDate.of(2026, 10, 19), "CALL", "第二校通话");
          school2Help = new long[] {plan, buddy, carer};
        } finally {
          org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
      }
      return school2Help;
    }
  }
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.springframework.context.ApplicationContext applicationContext;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void secondSchool() {
    second.ensure();
  }

  private interface Probe {
    void run(String user, WebSession s);
  }

  /** What each endpoint is called with, and what must hold, for a user of school 1. */
  private Map<String, Probe> probes() {
    Map<String, Probe> p = new LinkedHashMap<>();
    List<String> secret = List.of(SecondSchool.CHILD_WAITING_FOR_ARCHIVE, SecondSchool.CHILD_WAITING_FOR_MENTOR, SecondSchool.CLASS_NAME);
    String classD = second.classD.getId().toString();
    p.put("GET /", (u, s) -> {
      for (String path : List.of("/", "/?classId=" + classD, "/?q=" + enc("第二校"), "/?kind=assignMentor")) {
        HttpResponse<String> r = s.get(path);
        assertThat(r.statusCode()).as(u + " " + path).isEqualTo(200);
        assertThat(r.body()).as(u + " " + path).doesNotContain(secret).doesNotContain(second.archiveTask, second.mentorTask);
      }
    });
    p.put("GET /tasks/{id}", (u, s) -> {
      for (String t : List.of(second.archiveTask, second.mentorTask)) {
        HttpResponse<String> r = s.get("/tasks/" + t);
        assertThat(r.statusCode()).as(u).isIn(403, 404);
        assertThat(r.body()).doesNotContain(secret);
      }
    });
    p.put("POST /tasks/{id}", (u, s) -> {
      s.get("/");
      assertThat(s.post("/tasks/" + second.archiveTask, Map.of("name", List.of("改名"))).statusCode()).as(u).isIn(403, 404);
      s.get("/");
      assertThat(s.post("/tasks/" + second.mentorTask, Map.of("mentor", List.of("tmentor"))).statusCode()).as(u).isIn(403, 404);
    });
    p.put("POST /tasks/{id}/comments", (u, s) -> {
      s.get("/");
      assertThat(s.post("/tasks/" + second.archiveTask + "/comments", Map.of("text", List.of("看看"))).statusCode()).as(u).isIn(403, 404);
    });
    p.put("POST /tasks/{id}/handover", (u, s) -> {
      s.get("/");
      assertThat(s.post("/tasks/" + second.archiveTask + "/handover", Map.of("colleague", List.of(u))).statusCode()).as(u).isIn(403, 404);
    });
    p.put("POST /tasks/{id}/claim", (u, s) -> {
      s.get("/");
      assertThat(s.post("/tasks/" + second.mentorTask + "/claim", Map.of()).statusCode()).as(u).isIn(403, 404);
    });
    p.put("POST /tasks/{id}/unclaim", (u, s) -> {
      s.get("/");
      assertThat(s.post("/tasks/" + second.archiveTask + "/unclaim", Map.of()).statusCode()).as(u).isIn(403, 404);
    });
    p.put("GET /children/{id}", (u, s) -> {
      for (long child : List.of(second.archiveChild, second.mentorChild)) {
        HttpResponse<String> r = s.get("/children/" + child);
        assertThat(r.statusCode()).as(u).isIn(403, 404);
        assertThat(r.body()).doesNotContain(secret);
      }
    });
    for (String pdf : List.of("file.pdf", "card.pdf")) {
      p.put("GET /children/{id}/" + pdf, (u, s) -> {
        for (long child : List.of(second.archiveChild, second.mentorChild)) {
          for (String q : List.of("", "?scope=case")) {
            HttpResponse<byte[]> r = s.send(HttpRequest.newBuilder(s.uri("/children/" + child + "/" + pdf + q)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(u + " " + pdf).isIn(403, 404);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(secret);
          }
        }
      });
    }
    p.put("GET /classes/{id}/file.pdf", (u, s) -> {
      Long term2 = jdbc.queryForObject("SELECT MIN(id) FROM cf_term WHERE school_id = ?", Long.class, second.school.getId());
      for (String q : List.of("", "?term=" + term2)) {
        HttpResponse<byte[]> r = s.send(HttpRequest.newBuilder(s.uri("/classes/" + classD + "/file.pdf" + q)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(u + " class file").isIn(403, 404);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(secret);
      }
    });
    p.put("GET /reports", (u, s) -> {
      Long term2 = jdbc.queryForObject("SELECT MIN(id) FROM cf_term WHERE school_id = ?", Long.class, second.school.getId());
      for (String q : List.of("", "?term=" + term2)) {
        HttpResponse<String> r = s.get("/reports" + q);
        assertThat(r.statusCode()).as(u + " reports " + q).isIn(200, 403, 422);
        assertThat(r.body()).as(u).doesNotContain(secret).doesNotContain("第二测试小学", "/classes/" + classD + "/");
      }
    });
    for (String path : List.of("/api/reports/statistics.xlsx", "/reports/statistics.xlsx")) {
      p.put("GET " + path, (u, s) -> {
        Long term2 = jdbc.queryForObject("SELECT MIN(id) FROM cf_term WHERE school_id = ?", Long.class, second.school.getId());
        HttpRequest.Builder b = HttpRequest.newBuilder(s.uri(path));
        HttpRequest.Builder b2 = HttpRequest.newBuilder(s.uri(path + "?term=" + term2));
        if (path.startsWith("/api/")) {
          b.header("Authorization", auth(u));
          b2.header("Authorization", auth(u));
        }
        assertNoSecretInWorkbook(u, s.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
        // another school's term is unknown here
        assertThat(s.send(b2.GET().build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode()).as(u).isIn(400, 403, 422);
      });
    }
    p.put("GET /reports/class-plans", (u, s) -> {
      Long term2 = jdbc.queryForObject("SELECT MIN(id) FROM cf_term WHERE school_id = ?", Long.class, second.school.getId());
      for (String q : List.of("", "?term=" + term2)) {
        HttpResponse<String> r = s.get("/reports/class-plans" + q);
        assertThat(r.statusCode()).as(u + " class plans " + q).isIn(200, 403, 422);
        assertThat(r.body()).as(u).doesNotContain(secret).doesNotContain("第二测试小学", "/classes/" + classD + "/");
      }
    });
    p.put("POST /reports/archive", (u, s) -> {
      Long term2 = jdbc.queryForObject("SELECT MIN(id) FROM cf_term WHERE school_id = ?", Long.class, second.school.getId());
      long before = jdbc.queryForObject("SELECT COUNT(*) FROM cf_report_archive WHERE school_id = ?", Long.class, second.school.getId());
      s.get("/");
      assertThat(s.post("/reports/archive", Map.of("term", List.of(term2.toString()))).statusCode()).as(u).isIn(400, 403, 422);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_report_archive WHERE school_id = ?", Long.class, second.school.getId()))
          .as(u).isEqualTo(before);
    });
    p.put("GET /reports/archive/{id}", (u, s) -> {
      Long term2 = jdbc.queryForObject("SELECT MIN(id) FROM cf_term WHERE school_id = ?", Long.class, second.school.getId());
      jdbc.update("INSERT INTO cf_report_archive (school_id, term_id, kind, title, file_name, content_type, content, archived_by, archived_at)"
          + " VALUES (?, ?, 'STATISTICS', ?, 'x.xlsx', 'text/plain', ?, 'tsupervisor2', CURRENT_TIMESTAMP)", second.school.getId(), term2,
          SecondSchool.CLASS_NAME, SecondSchool.CHILD_WAITING_FOR_MENTOR.getBytes(StandardCharsets.UTF_8));
      long id = jdbc.queryForObject("SELECT MAX(id) FROM cf_report_archive WHERE school_id = ?", Long.class, second.school.getId());
      HttpResponse<String> r = s.get("/reports/archive/" + id);
      assertThat(r.statusCode()).as(u).isIn(403, 404);
      assertThat(r.body()).doesNotContain(secret);
      assertThat(s.get("/reports").body()).as(u).doesNotContain(secret).doesNotContain("/reports/archive/" + id + "\"");
    });
    p.put("GET /cases/{caseId}/diagram.bpmn", (u, s) ->
        assertThat(s.get("/cases/" + second.archiveCase + "/diagram.bpmn").statusCode()).as(u).isIn(403, 404));
    p.put("GET /cases/{caseId}/diagram-state", (u, s) ->
        assertThat(s.get("/cases/" + second.mentorCase + "/diagram-state").statusCode()).as(u).isIn(403, 404));
    p.put("POST /cases/{caseId}/close", (u, s) -> {
      s.get("/");
      assertThat(s.post("/cases/" + second.archiveCase + "/close", Map.of("reason", List.of("OTHER"),
          "childId", List.of(Long.toString(second.archiveChild)))).statusCode()).as(u).isIn(403, 404);
    });
    p.put("GET /enrol", (u, s) -> {
      HttpResponse<String> r = s.get("/enrol");
      assertThat(r.body()).as(u).doesNotContain(SecondSchool.CLASS_NAME);
    });
    p.put("POST /enrol", (u, s) -> {
      s.get("/enrol");
      HttpResponse<String> r = s.post("/enrol", Map.of("name", List.of("越权入学"), "classId", List.of(classD)));
      assertThat(r.headers().firstValue("Location").orElse("")).as(u).doesNotContain("/children/");
    });
    p.put("GET /audit", (u, s) -> {
      HttpResponse<String> r = s.get("/audit?child=" + second.archiveChild);
      if (r.statusCode() == 200) {
        assertThat(r.body()).as(u).doesNotContain("/children/" + second.archiveChild + "\"");
      } else {
        assertThat(r.statusCode()).as(u).isEqualTo(403);
      }
    });
    p.put("GET /api/audit", (u, s) -> {
      HttpResponse<String> r = basic(s, "/api/audit?limit=1000", u);
      if (r.statusCode() == 200) {
        for (JsonNode e : read(r.body())) {
          assertThat(e.path("child").asLong()).as(u).isNotIn(second.archiveChild, second.mentorChild);
        }
      } else {
        assertThat(r.statusCode()).as(u).isEqualTo(403);
      }
    });
    p.put("GET /oversight", (u, s) -> {
      HttpResponse<String> r = s.get("/oversight");
      assertThat(r.statusCode()).as(u).isIn(200, 403);
      assertThat(r.body()).as(u).doesNotContain(secret);
    });
    p.put("GET /oversight/overdue.xlsx", (u, s) -> {
      for (String g : List.of("class", "teacher", "obligation")) {
        HttpResponse<byte[]> r = s.send(HttpRequest.newBuilder(s.uri("/oversight/overdue.xlsx?groupBy=" + g)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertNoSecretInWorkbook(u, r);
      }
    });
    String school2 = second.school.getId().toString();
    List<String> caseFilters = List.of("", "?school=" + school2, "?class=" + classD, "?teacher=tteacher3",
        "?obligation=registerChild", "?class=" + classD + "&bucket=overdue", "?school=" + school2 + "&bucket=dueSoon");
    p.put("GET /oversight/cases", (u, s) -> {
      for (String f : caseFilters) {
        HttpResponse<String> r = s.get("/oversight/cases" + f);
        assertThat(r.statusCode()).as(u + " " + f).isIn(200, 400, 403, 422);
        assertThat(r.body()).as(u + " " + f).doesNotContain(secret)
            .doesNotContain("/children/" + second.archiveChild + "\"", "/children/" + second.mentorChild + "\"");
      }
    });
    p.put("GET /oversight/cases.xlsx", (u, s) -> {
      for (String f : caseFilters.subList(1, caseFilters.size())) { // without a filter it is refused (422), as on the page
        assertNoSecretInWorkbook(u, s.send(HttpRequest.newBuilder(s.uri("/oversight/cases.xlsx" + f)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray()));
      }
    });
    p.put("GET /oversight/targets.xlsx", (u, s) -> {
      assertNoSecretInWorkbook(u, s.send(HttpRequest.newBuilder(s.uri("/oversight/targets.xlsx")).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray()));
    });
    p.put("GET /api/oversight/targets.xlsx", (u, s) -> {
      String token = Base64.getEncoder().encodeToString((u + ":pw").getBytes(StandardCharsets.UTF_8));
      HttpResponse<byte[]> r = s.send(HttpRequest.newBuilder(s.uri("/api/oversight/targets.xlsx"))
          .header("Authorization", "Basic " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertNoSecretInWorkbook(u, r);
    });
    p.put("GET /api/oversight/overdue", (u, s) -> {
      for (String g : List.of("class", "teacher", "obligation")) {
        HttpResponse<String> r = basic(s, "/api/oversight/overdue?groupBy=" + g, u);
        assertThat(r.statusCode()).as(u).isIn(200, 403);
        assertThat(r.body()).as(u).doesNotContain(secret).doesNotContain("tteacher3", "\"key\":\"" + classD + "\"");
      }
    });
    p.put("GET /api/oversight/overdue.xlsx", (u, s) -> {
      String token = Base64.getEncoder().encodeToString((u + ":pw").getBytes(StandardCharsets.UTF_8));
      HttpResponse<byte[]> r = s.send(HttpRequest.newBuilder(s.uri("/api/oversight/overdue.xlsx?groupBy=class"))
          .header("Authorization", "Basic " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertNoSecretInWorkbook(u, r);
    });
    p.put("GET /api/oversight/targets", (u, s) -> {
      HttpResponse<String> r = basic(s, "/api/oversight/targets", u);
      assertThat(r.statusCode()).as(u).isIn(200, 403);
      Long term2 = jdbc.queryForObject("SELECT MIN(id) FROM cf_term WHERE school_id = ?", Long.class, second.school.getId());
      // another school's term is unknown here (invalid input: 422 problem details)
      assertThat(basic(s, "/api/oversight/targets?term=" + term2, u).statusCode()).as(u).isIn(422, 403);
    });
    p.put("POST /import", (u, s) -> {
      HttpResponse<String> page = s.get("/import");
      java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
      String token = csrf.find() ? csrf.group(1) : "";
      HttpResponse<String> r = s.send(multipart(HttpRequest.newBuilder(s.uri("/import?_csrf=" + enc(token))), rosterIntoClassD(u)));
      // 302: the import runs as a job (/import/jobs/{id}), which refuses the row: class D is not a class of their school
      assertThat(r.statusCode()).as(u).isIn(200, 302, 403);
      assertThat(childrenNamed("越权导入" + u)).as(u).isZero();
    });
    p.put("POST /api/import/roster", (u, s) -> {
      HttpResponse<String> r = s.send(multipart(HttpRequest.newBuilder(s.uri("/api/import/roster")).header("Authorization", auth(u)),
          rosterIntoClassD(u)));
      assertThat(r.statusCode()).as(u).isIn(403, 422);
      assertThat(childrenNamed("越权导入" + u)).as(u).isZero();
    });
    p.put("POST /cases/{caseId}/support-plan", (u, s) -> {
      s.get("/");
      assertThat(s.post("/cases/" + second.mentorCase + "/support-plan", Map.of()).statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_support_plan WHERE case_id = ?", Long.class, second.mentorCase)).isZero();
    });
    p.put("GET /children/{id}/edit", (u, s) -> {
      for (long child : List.of(second.archiveChild, second.mentorChild)) {
        HttpResponse<String> r = s.get("/children/" + child + "/edit");
        assertThat(r.statusCode()).as(u).isIn(403, 404);
        assertThat(r.body()).doesNotContain(secret);
      }
    });
    p.put("POST /children/{id}/edit", (u, s) -> {
      s.get("/");
      Long version = jdbc.queryForObject("SELECT version FROM cf_child WHERE id = ?", Long.class, second.mentorChild);
      assertThat(s.post("/children/" + second.mentorChild + "/edit", Map.of("version", List.of(version.toString()),
          "name", List.of("越权改名"))).statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT version FROM cf_child WHERE id = ?", Long.class, second.mentorChild)).isEqualTo(version);
    });
    p.put("GET /api/admin/children/{id}/export", (u, s) -> {
      HttpResponse<String> r = browser().basic("/api/admin/children/" + second.mentorChild + "/export", u, "pw");
      assertThat(r.statusCode()).as(u).isIn(403, 404);
      assertThat(r.body()).doesNotContain(secret);
    });
    p.put("GET /children/{id}/family", (u, s) -> {
      HttpResponse<String> r = s.get("/children/" + second.archiveChild + "/family");
      assertThat(r.statusCode()).as(u).isIn(403, 404);
      assertThat(r.body()).doesNotContain(secret);
    });
    p.put("POST /children/{id}/family/calls", (u, s) -> {
      s.get("/");
      assertThat(s.post("/children/" + second.mentorChild + "/family/calls", Map.of("date", List.of("2026-10-01"), "kind", List.of("PHONE"),
          "parent", List.of("MOTHER"), "minutes", List.of("10"), "reached", List.of("true"))).statusCode()).as(u).isIn(403, 404);
    });
    p.put("GET /children/{id}/counselling", (u, s) -> {
      HttpResponse<String> r = s.get("/children/" + second.mentorChild + "/counselling");
      assertThat(r.statusCode()).as(u).isIn(403, 404);
      assertThat(r.body()).doesNotContain(secret);
    });
    p.put("POST /children/{id}/counselling/sessions", (u, s) -> {
      s.get("/");
      assertThat(s.post("/children/" + second.mentorChild + "/counselling/sessions", Map.of("date", List.of("2026-10-01"),
          "reason", List.of("越权"), "whatWasDone", List.of("越权"))).statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_counselling_session WHERE child_id = ?", Long.class, second.mentorChild)).isZero();
    });
    p.put("POST /children/{id}/counselling/referrals", (u, s) -> {
      s.get("/");
      assertThat(s.post("/children/" + second.mentorChild + "/counselling/referrals", Map.of("reason", List.of("越权"))).statusCode())
          .as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_counselling_referral WHERE child_id = ?", Long.class, second.mentorChild)).isZero();
    });
    p.put("GET /counselling", (u, s) -> {
      HttpResponse<String> r = s.get("/counselling");
      assertThat(r.statusCode()).as(u).isIn(200, 403);
      assertThat(r.body()).as(u).doesNotContain(secret);
    });
    p.put("POST /children/{id}/family/expectation", (u, s) -> {
      s.get("/");
      assertThat(s.post("/children/" + second.mentorChild + "/family/expectation", Map.of("callsPerWeek", List.of("3"))).statusCode())
          .as(u).isIn(403, 404);
    });
    p.put("GET /classes/mine", (u, s) -> {
      HttpResponse<String> r = s.get("/classes/mine");
      assertThat(r.statusCode()).as(u).isEqualTo(200);
      assertThat(r.body()).as(u).doesNotContain(secret).doesNotContain("/children/" + second.archiveChild + "\"",
          "/children/" + second.mentorChild + "\"");
    });
    p.put("GET /mentees/mine", (u, s) -> {
      HttpResponse<String> r = s.get("/mentees/mine");
      assertThat(r.statusCode()).as(u).isEqualTo(200);
      assertThat(r.body()).as(u).doesNotContain(secret).doesNotContain("/children/" + second.archiveChild + "\"",
          "/children/" + second.mentorChild + "\"");
    });
    p.put("GET /children/{id}/check-ins", (u, s) -> {
      for (long child : List.of(second.archiveChild, second.mentorChild)) {
        HttpResponse<String> r = s.get("/children/" + child + "/check-ins");
        assertThat(r.statusCode()).as(u).isIn(403, 404);
        assertThat(r.body()).as(u).doesNotContain(secret);
      }
    });
    p.put("POST /children/{id}/check-ins", (u, s) -> {
      s.get("/");
      assertThat(s.post("/children/" + second.mentorChild + "/check-ins", Map.of("restMissed", List.of("true"),
          "reason", List.of("越权"))).statusCode()).as(u).isIn(403, 404);
    });
    p.put("GET /handover", (u, s) -> {
      HttpResponse<String> r = s.get("/handover");
      assertThat(r.body()).as(u).doesNotContain(secret);
    });
    p.put("POST /handover", (u, s) -> {
      s.get("/");
      HttpResponse<String> r = s.post("/handover", Map.of("promote", List.of(classD), "name-" + classD, List.of("越权四年级"),
          "teacher-" + classD, List.of("tteacher3"), "confirm", List.of("yes")));
      assertThat(r.headers().firstValue("Location").orElse("")).as(u).doesNotContain("promoted=1");
    });
    p.put("POST /handover/notes/{childId}", (u, s) -> {
      s.get("/");
      assertThat(s.post("/handover/notes/" + second.archiveChild, Map.of("note", List.of("越权留言"))).statusCode()).as(u).isIn(400, 403, 404);
    });
    p.put("GET /commendation", (u, s) -> {
      HttpResponse<String> r = s.get("/commendation");
      assertThat(r.body()).as(u).doesNotContain(secret);
      Long term2 = jdbc.queryForObject("SELECT MIN(id) FROM cf_term WHERE school_id = ?", Long.class, second.school.getId());
      assertThat(s.get("/commendation?term=" + term2).statusCode()).as(u).isIn(400, 403, 404);
    });
    p.put("POST /commendation", (u, s) -> {
      s.get("/");
      Long term2 = jdbc.queryForObject("SELECT MIN(id) FROM cf_term WHERE school_id = ?", Long.class, second.school.getId());
      assertThat(s.post("/commendation", Map.of("term", List.of(term2.toString()), "outstanding", List.of(Long.toString(second.mentorCase))))
          .statusCode()).as(u).isIn(400, 403, 404);
    });
    // issue 17 (branch activities): school 2's activity register
    long[] act = secondActivity();
    p.put("GET /activities", (u, s) -> {
      for (String path : List.of("/activities", "/activities?classId=" + classD)) {
        HttpResponse<String> r = s.get(path);
        assertThat(r.statusCode()).as(u + " " + path).isEqualTo(200);
        assertThat(r.body()).as(u + " " + path).doesNotContain(secret).doesNotContain("/activities/" + act[0] + "\"");
      }
    });
    p.put("POST /activities", (u, s) -> {
      s.get("/activities");
      HttpResponse<String> r = s.post("/activities", Map.of("classId", List.of(classD), "kind", List.of("BIRTHDAY"),
          "date", List.of(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()), "place", List.of("越权"),
          "leader", List.of("tteacher3"), "children", List.of(Long.toString(second.mentorChild))));
      assertThat(r.statusCode()).as(u).isIn(403, 404);
      assertThat(r.body()).as(u).doesNotContain(secret);
    });
    p.put("GET /activities/{id}", (u, s) -> {
      HttpResponse<String> r = s.get("/activities/" + act[0]);
      assertThat(r.statusCode()).as(u).isIn(403, 404);
      assertThat(r.body()).as(u).doesNotContain(secret);
    });
    p.put("GET /activities/{id}/files/{fileId}", (u, s) ->
        assertThat(s.get("/activities/" + act[0] + "/files/" + act[1]).statusCode()).as(u).isIn(403, 404));
    p.put("GET /activities/kinds", (u, s) ->
        assertThat(s.get("/activities/kinds?schoolId=" + second.school.getId()).statusCode()).as(u).isIn(403, 404));
    p.put("POST /activities/kinds", (u, s) -> {
      s.get("/activities");
      assertThat(s.post("/activities/kinds", Map.of("schoolId", List.of(second.school.getId().toString()), "nameZh", List.of("越权类别"),
          "nameEn", List.of("Intruder"))).statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("select count(*) from cf_activity_kind where name_zh = '越权类别'", Integer.class)).as(u).isZero();
    });
    // study help and carers (issue 17): school 2's plan, buddy and carer stay out of reach
    long[] h = school2Help();
    String plan2 = Long.toString(h[0]);
    String buddy2 = Long.toString(h[1]);
    String carer2 = Long.toString(h[2]);
    List<String> helpSecret = List.of(SecondSchool.CHILD_WAITING_FOR_ARCHIVE, SecondSchool.CHILD_WAITING_FOR_MENTOR, CARER_2, CARER_2_PHONE);
    p.put("GET /study-help", (u, s) -> assertThat(s.get("/study-help").body()).as(u).doesNotContain(helpSecret));
    p.put("GET /children/{id}/study-help", (u, s) -> {
      HttpResponse<String> r = s.get("/children/" + second.archiveChild + "/study-help");
      assertThat(r.statusCode()).as(u).isIn(403, 404);
      assertThat(r.body()).doesNotContain(helpSecret);
    });
    p.put("POST /children/{id}/study-help", (u, s) -> {
      s.get("/");
      assertThat(s.post("/children/" + second.mentorChild + "/study-help", Map.of("teacher", List.of(u), "subject", List.of("越权"),
          "weeklyTime", List.of("每周"), "content", List.of("越权"), "goal", List.of("越权"))).statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_study_help WHERE child_id = ?", Long.class, second.mentorChild)).isZero();
    });
    p.put("POST /study-help/{planId}/progress", (u, s) -> {
      s.get("/");
      assertThat(s.post("/study-help/" + plan2 + "/progress", Map.of("date", List.of("2026-10-01"), "improved", List.of("越权")))
          .statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_study_progress WHERE plan_id = ?", Long.class, h[0])).isZero();
    });
    p.put("POST /study-help/{planId}/effect", (u, s) -> {
      s.get("/");
      assertThat(s.post("/study-help/" + plan2 + "/effect", Map.of("effect", List.of("WORSE"))).statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_study_help WHERE id = ? AND effect IS NULL", Long.class, h[0])).isOne();
    });
    p.put("POST /study-help/{planId}/end", (u, s) -> {
      s.get("/");
      assertThat(s.post("/study-help/" + plan2 + "/end", Map.of()).statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_study_help WHERE id = ? AND active = TRUE", Long.class, h[0])).isOne();
    });
    p.put("POST /children/{id}/study-buddy", (u, s) -> {
      s.get("/");
      assertThat(s.post("/children/" + second.mentorChild + "/study-buddy", Map.of("buddy", List.of(Long.toString(second.archiveChild))))
          .statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_study_buddy WHERE child_id = ?", Long.class, second.mentorChild)).isZero();
    });
    p.put("POST /study-buddies/{buddyId}/effect", (u, s) -> {
      s.get("/");
      assertThat(s.post("/study-buddies/" + buddy2 + "/effect", Map.of("effect", List.of("WORSE"))).statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_study_buddy WHERE id = ? AND effect IS NULL", Long.class, h[1])).isOne();
    });
    p.put("GET /carers", (u, s) -> assertThat(s.get("/carers").body()).as(u).doesNotContain(helpSecret));
    p.put("GET /carers/{id}", (u, s) -> {
      HttpResponse<String> r = s.get("/carers/" + carer2);
      assertThat(r.statusCode()).as(u).isIn(403, 404);
      assertThat(r.body()).doesNotContain(helpSecret);
    });
    p.put("POST /carers", (u, s) -> {
      s.get("/");
      HttpResponse<String> r = s.post("/carers", Map.of("school", List.of(second.school.getId().toString()), "name", List.of("越权志愿者" + u),
          "phone", List.of("13700003333"), "role", List.of("VOLUNTEER"), "background", List.of("OTHER")));
      assertThat(r.statusCode()).as(u).isIn(403, 404, 422);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_carer WHERE name = ?", Long.class, "越权志愿者" + u)).isZero();
    });
    p.put("POST /carers/{id}", (u, s) -> {
      s.get("/");
      assertThat(s.post("/carers/" + carer2, Map.of("name", List.of("越权改名"), "phone", List.of("13700003333"), "role", List.of("VOLUNTEER"),
          "background", List.of("OTHER"))).statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT name FROM cf_carer WHERE id = ?", String.class, h[2])).isEqualTo(CARER_2);
    });
    p.put("POST /carers/{id}/active", (u, s) -> {
      s.get("/");
      assertThat(s.post("/carers/" + carer2 + "/active", Map.of("active", List.of("false"))).statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT active FROM cf_carer WHERE id = ?", Boolean.class, h[2])).isTrue();
    });
    p.put("POST /carers/{id}/children", (u, s) -> {
      s.get("/");
      assertThat(s.post("/carers/" + carer2 + "/children", Map.of("child", List.of(Long.toString(second.archiveChild)))).statusCode())
          .as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_carer_child WHERE carer_id = ?", Long.class, h[2])).isOne();
    });
    p.put("POST /carers/{id}/children/{childId}/remove", (u, s) -> {
      s.get("/");
      assertThat(s.post("/carers/" + carer2 + "/children/" + second.mentorChild + "/remove", Map.of()).statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_carer_child WHERE carer_id = ?", Long.class, h[2])).isOne();
    });
    p.put("POST /children/{id}/carer-contacts", (u, s) -> {
      s.get("/");
      assertThat(s.post("/children/" + second.mentorChild + "/carer-contacts", Map.of("carer", List.of(carer2), "date", List.of("2026-10-01"),
          "kind", List.of("CALL"))).statusCode()).as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_carer_contact WHERE carer_id = ?", Long.class, h[2])).isOne();
    });
    // the teachers' appraisal: school 2's teacher (第二校班主任) is in no list, page, workbook or PDF of school 1's people
    List<String> school2People = List.of("第二校班主任", "第二测试小学", "第二校任课教师");
    p.put("GET /appraisal", (u, s) -> {
      Long term2 = jdbc.queryForObject("SELECT MIN(id) FROM cf_term WHERE school_id = ?", Long.class, second.school.getId());
      for (String q : List.of("", "?term=" + term2)) {
        HttpResponse<String> r = s.get("/appraisal" + q);
        assertThat(r.statusCode()).as(u + " appraisal " + q).isIn(q.isEmpty() ? List.of(200) : List.of(400, 403, 422));
        assertThat(r.body()).as(u).doesNotContain(school2People).doesNotContain(secret);
      }
    });
    p.put("GET /api/appraisal", (u, s) -> {
      Long term2 = jdbc.queryForObject("SELECT MIN(id) FROM cf_term WHERE school_id = ?", Long.class, second.school.getId());
      HttpResponse<String> r = basic(s, "/api/appraisal", u);
      assertThat(r.statusCode()).as(u).isEqualTo(200);
      assertThat(r.body()).as(u).doesNotContain(school2People).doesNotContain(secret);
      assertThat(basic(s, "/api/appraisal?term=" + term2, u).statusCode()).as(u).isIn(400, 403, 422);
    });
    p.put("GET /appraisal/teachers/{id}", (u, s) -> {
      long t3 = jdbc.queryForObject("SELECT id FROM cf_teacher WHERE username = 'tteacher3'", Long.class);
      HttpResponse<String> r = s.get("/appraisal/teachers/" + t3);
      assertThat(r.statusCode()).as(u).isIn(403, 404);
      assertThat(r.body()).as(u).doesNotContain(school2People);
    });
    p.put("POST /appraisal/teachers/{id}", (u, s) -> {
      long t3 = jdbc.queryForObject("SELECT id FROM cf_teacher WHERE username = 'tteacher3'", Long.class);
      s.get("/appraisal");
      assertThat(s.post("/appraisal/teachers/" + t3, Map.of("grade", List.of("FAIL"), "comment", List.of("越权"))).statusCode())
          .as(u).isIn(403, 404);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_appraisal WHERE teacher = 'tteacher3'", Long.class)).as(u).isZero();
    });
    p.put("GET /appraisal/appraisal.xlsx", (u, s) -> {
      Long term2 = jdbc.queryForObject("SELECT MIN(id) FROM cf_term WHERE school_id = ?", Long.class, second.school.getId());
      assertNoSecretInWorkbook(u, s.send(HttpRequest.newBuilder(s.uri("/appraisal/appraisal.xlsx")).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray()));
      assertThat(s.send(HttpRequest.newBuilder(s.uri("/appraisal/appraisal.xlsx?term=" + term2)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray()).statusCode()).as(u).isIn(400, 403, 422);
    });
    p.put("GET /appraisal/appraisal.pdf", (u, s) -> {
      Long term2 = jdbc.queryForObject("SELECT MIN(id) FROM cf_term WHERE school_id = ?", Long.class, second.school.getId());
      HttpResponse<byte[]> r = s.send(HttpRequest.newBuilder(s.uri("/appraisal/appraisal.pdf")).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as(u).isEqualTo(200);
      try {
        assertThat(org.careflow.reports.PrintableFilesTest.read(r.body()).text()).as(u).doesNotContain(school2People).doesNotContain(secret);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      assertThat(s.send(HttpRequest.newBuilder(s.uri("/appraisal/appraisal.pdf?term=" + term2)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray()).statusCode()).as(u).isIn(400, 403, 422);
    });
    return p;
  }

  /** An activity of school 2's class D with a child of it attending and a photo: {activity id, file id}, made once. */
  private static long[] secondActivityIds;

  private synchronized long[] secondActivity() {
    if (secondActivityIds == null) {
      org.careflow.activity.Activities activities = applicationContext.getBean(org.careflow.activity.Activities.class);
      byte[] png = new byte[64];
      System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
      long id = activities.record(new org.careflow.identity.CurrentUser("tteacher3", List.of(Roles.TEACHER)),
          new org.careflow.activity.Activities.Form(second.classD.getId(), "BIRTHDAY",
              java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(), "第二校活动室", "tteacher3",
              List.of(Long.toString(second.mentorChild)), "第二校生日会"),
          List.of(new org.careflow.activity.ActivityUpload("第二校.png", png)));
      long file = jdbc.queryForObject("select id from cf_activity_file where activity_id = ?", Long.class, id);
      secondActivityIds = new long[] {id, file};
    }
    return secondActivityIds;
  }

  @Test
  void everyEndpointIsSweptOrListedAsHoldingNoChildsData() {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfo info : mvc.getHandlerMethods().keySet()) {
      Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (methods.isEmpty()) {
          endpoints.add("GET " + pattern);
        }
        methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
      }
    }
    Set<String> known = new TreeSet<>(probes().keySet());
    known.addAll(NOT_CHILD_RELATED.keySet());
    List<String> unswept = endpoints.stream().filter(e -> !known.contains(e)).toList();
    assertThat(unswept).as("endpoints neither swept by this test nor listed in NOT_CHILD_RELATED").isEmpty();
  }

  @Test
  void noUserOfSchool1ReadsOrChangesAnythingOfSchool2InThePagesAndApis() {
    long childrenInD = childrenInClassD();
    Map<String, Probe> probes = probes();
    for (String user : SCHOOL_1) {
      WebSession s = browser().login(user, "pw");
      probes.forEach((endpoint, probe) -> probe.run(user, s));
    }
    nothingOfSchool2Changed(childrenInD);
  }

  @Test
  void schoolTwosOwnPeopleStillSeeTheirChildren() {
    WebSession teacher = browser().login("tteacher3", "pw");
    assertThat(teacher.get("/").body()).contains(SecondSchool.CHILD_WAITING_FOR_ARCHIVE);
    assertThat(teacher.get("/children/" + second.archiveChild).statusCode()).isEqualTo(200);
    WebSession supervisor = browser().login("tsupervisor2", "pw");
    assertThat(supervisor.get("/children/" + second.mentorChild).statusCode()).isEqualTo(200);
    assertThat(supervisor.get("/cases/" + second.mentorCase + "/diagram-state").statusCode()).isEqualTo(200);
    // and school 2's supervisor appraises school 2's class teacher, whom school 1's people never see
    assertThat(supervisor.get("/appraisal").body()).contains("第二校班主任");
    // school 1's supervisor and counsellor see school 1's children
    long childA = second.firstSchoolChild;
    assertThat(browser().login("tsupervisor", "pw").get("/children/" + childA).statusCode()).isEqualTo(200);
    assertThat(browser().login("tcounsellor", "pw").get("/children/" + childA).statusCode()).isEqualTo(200);
    // a subject teacher holds no child's file
    assertThat(browser().login("tsubject", "pw").get("/children/" + childA).statusCode()).isEqualTo(404);
  }

  // -- the engine's REST API ----------------------------------------------------------------------

  private String instanceOf(long caseId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(caseId)).processDefinitionKey("child-case")
        .singleResult().getId();
  }

  @Test
  void noUserOfSchool1ReadsOrChangesAnythingOfSchool2ThroughTheEngineRestApi() {
    long childrenInD = childrenInClassD();
    String pi1 = instanceOf(second.archiveCase);
    String pi2 = instanceOf(second.mentorCase);
    WebSession s = browser();
    for (String u : SCHOOL_1) {
      List<String> visibleTasks = ids(basic(s, "/engine-rest/task?maxResults=10000", u));
      assertThat(visibleTasks).as(u).doesNotContain(second.archiveTask, second.mentorTask);
      // the case's tasks (a guardian meeting's key is its meeting id, which may be the same number)
      assertThat(read(basic(s, "/engine-rest/task?processInstanceBusinessKey=" + second.mentorCase, u).body()))
          .as(u).allMatch(t -> t.path("processDefinitionId").asText().startsWith("guardian-meeting:"));
      for (String t : List.of(second.archiveTask, second.mentorTask)) {
        assertThat(basic(s, "/engine-rest/task/" + t, u).statusCode()).as(u + " task").isIn(403, 404);
        assertThat(basic(s, "/engine-rest/task/" + t + "/form-variables", u).statusCode()).as(u + " form-variables").isIn(403, 404);
        assertThat(basic(s, "/engine-rest/task/" + t + "/variables", u).statusCode()).as(u + " task variables").isIn(403, 404);
        assertThat(postJson(s, "/engine-rest/task/" + t + "/claim", u, "{\"userId\":\"" + u + "\"}").statusCode()).as(u + " claim").isIn(403, 404);
        assertThat(postJson(s, "/engine-rest/task/" + t + "/complete", u, "{}").statusCode()).as(u + " complete").isIn(403, 404);
      }
      assertThat(ids(basic(s, "/engine-rest/process-instance?maxResults=10000", u))).as(u).doesNotContain(pi1, pi2);
      for (String pi : List.of(pi1, pi2)) {
        assertThat(basic(s, "/engine-rest/process-instance/" + pi, u).statusCode()).as(u + " instance").isIn(403, 404);
        assertThat(basic(s, "/engine-rest/process-instance/" + pi + "/variables", u).statusCode()).as(u + " variables").isIn(403, 404);
        assertThat(read(basic(s, "/engine-rest/history/task?processInstanceId=" + pi, u).body())).as(u + " history tasks").isEmpty();
        assertThat(read(basic(s, "/engine-rest/history/process-instance?processInstanceId=" + pi, u).body())).as(u + " history").isEmpty();
        assertThat(basic(s, "/engine-rest/history/process-instance/" + pi, u).statusCode()).as(u + " history instance").isIn(403, 404);
        assertThat(read(basic(s, "/engine-rest/variable-instance?processInstanceIdIn=" + pi, u).body())).as(u + " variables").isEmpty();
        assertThat(read(basic(s, "/engine-rest/history/variable-instance?processInstanceId=" + pi, u).body())).as(u).isEmpty();
      }
      if (!u.equals("tcoordinator")) {
        assertThat(deploy(s, u).statusCode()).as(u + " deployment").isIn(400, 403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT WHERE NAME_ = 'scope'", Long.class)).isZero();
      }
    }
    nothingOfSchool2Changed(childrenInD);
  }

  @Test
  void aClassTeachersViewOfTheEngineTaskListIsTheirClassAndAnAdminsIsEverything() {
    assertThat(tasks.getIdentityLinksForTask(second.mentorTask)).extracting(l -> l.getGroupId())
        .contains(Roles.schoolRoleGroup(second.school.getId(), Roles.COORDINATOR)).doesNotContain(Roles.COORDINATOR);
    WebSession s = browser();
    List<String> teacher3 = ids(basic(s, "/engine-rest/task?maxResults=10000", "tteacher3"));
    List<String> admin = ids(basic(s, "/engine-rest/task?maxResults=10000", "tadmin"));
    // the class teacher of class D: her own task, and the class's task offered to the coordinators (read only);
    // the rest is her class's too (the care of the child found eligible, the class's guardian meeting)
    assertThat(teacher3).contains(second.archiveTask, second.mentorTask);
    for (String id : teacher3) {
      assertThat(classOfTask(id)).as("class of a task tteacher3 sees").isEqualTo(second.classD.getId());
    }
    List<String> teacher1 = ids(basic(s, "/engine-rest/task?maxResults=10000", "tteacher"));
    assertThat(teacher1).contains(second.firstSchoolTask).doesNotContain(second.archiveTask, second.mentorTask);
    assertThat(admin).contains(second.archiveTask, second.mentorTask, second.firstSchoolTask).containsAll(teacher1)
        .hasSizeGreaterThan(teacher3.size());
    assertThat(postJson(s, "/engine-rest/task/" + second.mentorTask + "/complete", "tteacher3", "{}").statusCode()).isIn(403, 404);
    // school 2's supervisor reads both cases, history included; school 2 has no coordinator yet, and the
    // task offered to its coordinators is offered to nobody of school 1
    String pi = instanceOf(second.mentorCase);
    assertThat(basic(s, "/engine-rest/process-instance/" + pi, "tsupervisor2").statusCode()).isEqualTo(200);
    assertThat(read(basic(s, "/engine-rest/history/task?processInstanceId=" + pi, "tsupervisor2").body())).hasSizeGreaterThanOrEqualTo(3);
    // every class teacher of school 1 sees only tasks of their own classes (class A, and any class another
    // test made with tteacher as its teacher)
    List<Long> ownClasses = jdbc.queryForList("SELECT id FROM cf_class WHERE class_teacher = 'tteacher'", Long.class);
    assertThat(ownClasses).contains(school.classA.getId());
    for (String id : teacher1) {
      assertThat(classOfTask(id)).as("class of a task tteacher sees").isIn(ownClasses);
    }
  }

  /**
   * The class a task is about: its guardian meeting's (business key = the meeting id) or its case's (= the
   * case id); for the processes with prefixed keys (referral-, absence-, …) the class their module's scope
   * adapter names.
   */
  private Long classOfTask(String taskId) {
    Task t = tasks.createTaskQuery().taskId(taskId).singleResult();
    String bk = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey();
    if (bk == null || !bk.matches("\\d+")) {
      String key = t.getProcessDefinitionId().substring(0, t.getProcessDefinitionId().indexOf(':'));
      return caseScopes.stream().filter(a -> a.processKeys().contains(key)).findFirst().flatMap(a -> a.scopeOf(bk))
          .map(org.careflow.shared.CaseScopes.Scope::classId).orElse(null);
    }
    boolean meeting = t.getProcessDefinitionId().startsWith("guardian-meeting:");
    return meeting
        ? jdbc.queryForObject("SELECT class_id FROM cf_guardian_meeting WHERE id = ?", Long.class, Long.valueOf(bk))
        : jdbc.queryForObject("SELECT ch.school_class_id FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id WHERE c.id = ?",
            Long.class, Long.valueOf(bk));
  }

  // -- helpers ------------------------------------------------------------------------------------

  private long childrenInClassD() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_child WHERE school_class_id = ?", Long.class, second.classD.getId());
  }

  private void nothingOfSchool2Changed(long childrenInD) {
    Task archive = tasks.createTaskQuery().taskId(second.archiveTask).singleResult();
    Task mentor = tasks.createTaskQuery().taskId(second.mentorTask).singleResult();
    assertThat(archive).as("school 2's archive task is still open").isNotNull();
    assertThat(archive.getAssignee()).isEqualTo("tteacher3");
    assertThat(mentor).as("school 2's pairing task is still open").isNotNull();
    assertThat(mentor.getAssignee()).isNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_task_comment WHERE task_id IN (?, ?)", Long.class,
        second.archiveTask, second.mentorTask)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_case WHERE id IN (?, ?) AND closed_at IS NULL", Long.class,
        second.archiveCase, second.mentorCase)).isEqualTo(2);
    assertThat(childrenInClassD()).isEqualTo(childrenInD);
    assertThat(jdbc.queryForObject("SELECT name FROM cf_class WHERE id = ?", String.class, second.classD.getId()))
        .isEqualTo(SecondSchool.CLASS_NAME);
    for (String table : List.of("cf_family_call", "cf_call_expectation", "cf_handover")) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE child_id IN (?, ?)", Long.class,
          second.archiveChild, second.mentorChild)).as(table).isZero();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_commendation WHERE case_id IN (?, ?)", Long.class,
        second.archiveCase, second.mentorCase)).isZero();
  }

  private void assertNoSecretInWorkbook(String u, HttpResponse<byte[]> r) {
    assertThat(r.statusCode()).as(u).isIn(200, 403);
    if (r.statusCode() != 200) {
      return;
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      StringBuilder text = new StringBuilder();
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          for (Cell c : row) {
            text.append(c.toString()).append('|');
          }
        }
      }
      assertThat(text.toString()).as(u).doesNotContain(SecondSchool.CLASS_NAME, "第二校班主任", "tteacher3", "第二测试小学",
          SecondSchool.CHILD_WAITING_FOR_ARCHIVE, SecondSchool.CHILD_WAITING_FOR_MENTOR);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private long childrenNamed(String name) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_child WHERE name = ?", Long.class, name);
  }

  /** A roster of one child naming class D (school 2) as their class. */
  private static byte[] rosterIntoClassD(String user) {
    String[] headers = {"学号", "姓名", "性别", "出生日期", "班级", "留守类型", "监护人姓名", "监护人关系", "监护人电话",
        "父亲姓名", "父亲电话", "父亲务工地", "母亲姓名", "母亲电话", "母亲务工地", "家庭住址"};
    String[] row = {"X-" + user, "越权导入" + user, "女", "2018-05-06", SecondSchool.CLASS_NAME, "父母双方外出务工", "张奶奶", "祖母",
        "13800001111", "张建国", "13800001111", "广东深圳", "李红", "13900002222", "浙江宁波", "测试镇河口村5组"};
    try (XSSFWorkbook book = new XSSFWorkbook(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("花名册");
      Row h = sheet.createRow(0);
      Row r = sheet.createRow(1);
      for (int i = 0; i < headers.length; i++) {
        h.createCell(i).setCellValue(headers[i]);
        r.createCell(i).setCellValue(row[i]);
      }
      book.write(out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static HttpRequest multipart(HttpRequest.Builder b, byte[] file) {
    String boundary = "----careflow-scope";
    return b.header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(WebSession.multipartBody(boundary, Map.of(),
        new WebSession.FilePart("file", "roster.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file))).build();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String auth(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":pw").getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> basic(WebSession s, String path, String user) {
    return s.send(HttpRequest.newBuilder(s.uri(path)).header("Authorization", auth(user)).header("Accept", "application/json").GET().build());
  }

  private HttpResponse<String> postJson(WebSession s, String path, String user, String body) {
    return s.send(HttpRequest.newBuilder(s.uri(path)).header("Authorization", auth(user)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private HttpResponse<String> deploy(WebSession s, String user) {
    return s.send(s.multipart("/engine-rest/deployment/create", Map.of("deployment-name", "scope"))
        .header("Authorization", auth(user)).build());
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private List<String> ids(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    read(r.body()).forEach(n -> out.add(n.path("id").asText()));
    return out;
  }
}
