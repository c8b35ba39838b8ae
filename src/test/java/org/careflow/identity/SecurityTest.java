package org.careflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.careflow.CareflowTest;
import org.careflow.WebSession;
import org.junit.jupiter.api.Test;

/** One user store behind three doors: the pages, the Camunda webapps and the engine REST API. */
class SecurityTest extends CareflowTest {

  @Test
  void anonymousCallsToTheEngineRestApiGet401WithABasicChallenge() {
    HttpResponse<String> r = browser().get("/engine-rest/process-definition");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

    HttpResponse<String> deploy = browser().send(browser().multipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "x")).build());
    assertThat(deploy.statusCode()).isEqualTo(401);
  }

  @Test
  void theEngineRestApiTakesTheSameUsersOverHttpBasic() {
    WebSession s = browser();
    HttpResponse<String> ok = s.basic("/engine-rest/process-definition/key/child-case", "tteacher", "pw");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"key\":\"child-case\"").contains("\"historyTimeToLive\":3650");
    assertThat(s.basic("/engine-rest/decision-definition/key/eligibility", "tcoordinator", "pw").statusCode()).isEqualTo(200);
    // an administrator sees every process instance; a class teacher only her class's (ScopeSweepTest), a
    // subject teacher none
    assertThat(s.basic("/engine-rest/process-definition/count", "tadmin", "pw").body()).doesNotContain("\"count\":0");
    // (a mentor of this test's own: tmentor2 has mentees whenever another test paired them first)
    String noMentees = school.newUser("tsubject", org.careflow.identity.Roles.MENTOR);
    assertThat(s.basic("/engine-rest/process-instance/count", noMentees, "pw").body()).contains("\"count\":0");
    // a user that does not exist (the engine locks real users after wrong passwords)
    assertThat(s.basic("/engine-rest/process-definition", "nobody", "pw").statusCode()).isEqualTo(401);
  }

  @Test
  void healthIsPublicAndUp() {
    HttpResponse<String> r = browser().get("/actuator/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"UP\"");
    assertThat(browser().get("/actuator/metrics").statusCode()).isIn(302, 401, 403);
  }

  @Test
  void pagesNeedALoginAndTheLoginFormHasTheExpectedFields() {
    WebSession s = browser();
    HttpResponse<String> home = s.get("/");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
    String login = s.get("/login").body();
    assertThat(login).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");

    HttpResponse<String> wrong = s.post("/login", Map.of("username", List.of("nobody"), "password", List.of("x")));
    assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).contains("/login?error"));

    s.login("tteacher", "pw");
    HttpResponse<String> inbox = s.get("/");
    assertThat(inbox.statusCode()).isEqualTo(200);
    assertThat(inbox.body()).contains("我的任务");
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefused() {
    WebSession s = browser().login("tteacher", "pw");
    HttpResponse<String> r = s.postRaw("/enrol", Map.of("name", List.of("张三"), "classId", List.of("1")), false);
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void pagesSendSecurityHeaders() {
    HttpResponse<String> r = browser().get("/login");
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
  }

  @Test
  void theCamundaWebappsUseTheSameLogin() {
    WebSession s = browser();
    HttpResponse<String> anonymous = s.get("/camunda/app/tasklist/default/");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
    s.login("tteacher", "pw");
    // the webapps take the login over when one of their pages names the engine, as a browser's first visit does
    assertThat(s.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> me = s.get("/camunda/api/admin/auth/user/default", "Accept", "application/json");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"userId\":\"tteacher\"").contains("tasklist").doesNotContain("admin\"", "cockpit");
    assertThat(s.get("/").statusCode()).isEqualTo(200); // and the app's own session is still there
  }
}
