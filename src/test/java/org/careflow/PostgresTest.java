package org.careflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * careflow on a real PostgreSQL (binaries from Maven Central, no Docker), as a real school starts it:
 * the migrations, the engine, a school from the set-up workbook, a child enrolled and registered through
 * the pages, the inbox's and the dashboard's SQL, the login throttle's table, the design page, and a
 * restart that keeps everything and deploys nothing. (The demo school on PostgreSQL is what
 * {@code --spring.profiles.active=postgres,demo} gives; the process tests run on PostgreSQL too, see
 * {@code OnPostgres}.)
 */
class PostgresTest {

  static EmbeddedPostgres postgres;
  static final String ADMIN = "Postgres-Admin-Pass-1";
  static final String OWN = "Postgres-Own-Pass-1";

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(CareflowApplication.class).run(
        "--spring.profiles.active=postgres",
        "--careflow.admin.password=" + ADMIN,
        "--server.port=0",
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--camunda.bpm.process-engine-name=postgres",
        "--camunda.bpm.job-execution.enabled=false");
  }

  record Counts(long deployments, long cases, long tasks) {}

  static Counts counts(ConfigurableApplicationContext app) {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    return new Counts(engine.getRepositoryService().createDeploymentQuery().count(),
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("child-case").count(),
        engine.getTaskService().createTaskQuery().processDefinitionKey("child-case").count());
  }

  @Test
  void theWholeAppRunsOnPostgres() throws IOException {
    Counts first;
    try (ConfigurableApplicationContext app = start()) {
      int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
      java.util.Map<String, String> initial = SetupWorkbooks.upload(port, ADMIN, SetupWorkbooks.oneClass("石桥镇中心小学", "三年级(1)班",
          "pgteacher", "吴老师", java.time.LocalDate.now(TestSchool.ZONE),
          java.util.List.of(new String[] {"pgsupervisor", "钱校长", "supervisor"}, new String[] {"pgcoordinator", "冯主任", "coordinator"},
              new String[] {"pgcounsellor", "褚老师", "counsellor"})));
      for (String user : java.util.List.of("pgteacher", "pgcoordinator")) {
        SetupWorkbooks.chooseOwnPassword(port, user, initial.get(user), OWN);
      }
      // the class teacher enrols a child and completes the archive: the child is found eligible
      WebSession teacher = new WebSession(port).login("pgteacher", OWN);
      java.util.regex.Matcher classOption = java.util.regex.Pattern.compile("<option value=\"(\\d+)\"").matcher(teacher.get("/enrol").body());
      assertThat(classOption.find()).isTrue();
      HttpResponse<String> enrolled = teacher.post("/enrol", java.util.Map.of("name", java.util.List.of("孔小梅"),
          "classId", java.util.List.of(classOption.group(1))));
      assertThat(enrolled.statusCode()).isEqualTo(302);
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      org.camunda.bpm.engine.task.Task register = engine.getTaskService().createTaskQuery().taskAssignee("pgteacher")
          .taskDefinitionKey("registerChild").singleResult();
      teacher.get("/tasks/" + register.getId());
      java.util.Map<String, java.util.List<String>> archive = new java.util.HashMap<>(
          TestSchool.archive("PG1001", "BOTH_AWAY", java.time.LocalDate.now().minusMonths(8)));
      archive.put("name", java.util.List.of("孔小梅"));
      assertThat(teacher.post("/tasks/" + register.getId(), archive).statusCode()).isEqualTo(302);
      String inbox = teacher.get("/").body();
      assertThat(inbox).contains("/tasks/", "每月谈心", "孔小梅", "筹备家长会");
      assertThat(teacher.get("/?kind=monthlyTalk&q=" + java.net.URLEncoder.encode("孔", java.nio.charset.StandardCharsets.UTF_8)).body())
          .contains("孔小梅");

      // the dashboard's SQL on PostgreSQL, over the API with Basic auth (the initial password works there)
      WebSession api = new WebSession(port);
      HttpResponse<String> overdue = api.basic("/api/oversight/overdue?groupBy=class", "pgsupervisor", initial.get("pgsupervisor"));
      assertThat(overdue.statusCode()).isEqualTo(200);
      // a row per class with open work near its due date (how near depends on the calendar day the test runs on):
      // none may count anything late
      com.fasterxml.jackson.databind.JsonNode rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(overdue.body());
      assertThat(rows.isArray()).as(overdue.body()).isTrue();
      for (com.fasterxml.jackson.databind.JsonNode row : rows) {
        assertThat(row.path("group").asText()).isEqualTo("三年级(1)班");
        assertThat(row.path("overdue").asLong()).as("nothing is overdue on the school's first day: %s", row).isZero();
        row.path("buckets").forEach(late -> assertThat(late.asLong()).as("late tasks on the first day: %s", row).isZero());
      }
      assertThat(api.basic("/api/oversight/targets", "pgsupervisor", initial.get("pgsupervisor")).body()).contains("archiveRate");
      // the login throttle's counts live in PostgreSQL (cf_login_failure): five wrong passwords lock the name
      for (int i = 0; i < 5; i++) {
        assertThat(api.basic("/api/audit?limit=5", "pgcounsellor", "wrong" + i).statusCode()).isEqualTo(401);
      }
      assertThat(api.basic("/api/audit?limit=5", "pgcounsellor", initial.get("pgcounsellor")).statusCode()).isEqualTo(401);
      assertThat(api.basic("/api/oversight/targets", "pgsupervisor", initial.get("pgsupervisor")).statusCode()).isEqualTo(200);
      assertThat(new WebSession(port).login("pgcoordinator", OWN).get("/design").body()).contains("child-case");
      first = counts(app);
      assertThat(first.cases()).isEqualTo(1);
    }
    try (ConfigurableApplicationContext app = start()) {
      assertThat(counts(app)).isEqualTo(first);
    }
  }
}
