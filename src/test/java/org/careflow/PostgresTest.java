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
 * careflow on a real PostgreSQL (binaries from Maven Central, no Docker): the migrations, the engine,
 * the demo school replayed through every process and form, the inbox's and the dashboard's SQL, the
 * deployment rules over REST, and a restart that keeps everything and deploys nothing.
 */
class PostgresTest {

  static EmbeddedPostgres postgres;

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
        "--spring.profiles.active=postgres,demo",
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
        engine.getTaskService().createTaskQuery().count());
  }

  @Test
  void theWholeAppRunsOnPostgres() throws IOException {
    Counts first;
    try (ConfigurableApplicationContext app = start()) {
      first = counts(app);
      assertThat(first.cases()).isGreaterThanOrEqualTo(10);
      int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
      WebSession teacher = new WebSession(port).login("teacher", "demo");
      String inbox = teacher.get("/").body();
      assertThat(inbox).contains("/tasks/", "每月谈心", "state-OVERDUE");
      assertThat(teacher.get("/?kind=monthlyTalk&q=" + java.net.URLEncoder.encode("王", java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

      WebSession api = new WebSession(port);
      HttpResponse<String> overdue = api.basic("/api/oversight/overdue?groupBy=class", "supervisor", "demo");
      assertThat(overdue.statusCode()).isEqualTo(200);
      assertThat(overdue.body()).contains("\"overdue\"", "三年级(1)班");
      String targets = api.basic("/api/oversight/targets", "supervisor", "demo").body();
      assertThat(targets).contains("archiveRate");
      // the demo's high-risk child on a support plan (risk assessments and plans on PostgreSQL)
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(targets).path("atRiskWithPlan").asLong()).as(targets).isPositive();
      // the login throttle's counts live in PostgreSQL (cf_login_failure): five wrong passwords lock the name
      for (int i = 0; i < 5; i++) {
        assertThat(api.basic("/api/audit?limit=5", "counsellor", "wrong" + i).statusCode()).isEqualTo(401);
      }
      assertThat(api.basic("/api/audit?limit=5", "counsellor", "demo").statusCode()).isEqualTo(401);
      assertThat(api.basic("/api/audit?limit=5", "supervisor", "demo").statusCode()).isEqualTo(200);
      assertThat(new WebSession(port).login("coordinator", "demo").get("/design").body()).contains("child-case");
    }
    try (ConfigurableApplicationContext app = start()) {
      assertThat(counts(app)).isEqualTo(first);
    }
  }
}
