package org.careflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Issue 14, items 4 and 5: lock-outs that end, one throttle for every password check, the password policy, the staff directory. */
class LoginHardeningTest extends CareflowTest {

  private static final AtomicInteger SEQ = new AtomicInteger();

  @Autowired Accounts accounts;
  @Autowired IdentityService identity;
  @Autowired LoginThrottle throttle;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityBootstrap bootstrap;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizations;

  private static String unique(String prefix) {
    return prefix + System.nanoTime() % 1_000_000 + "x" + SEQ.incrementAndGet();
  }

  private static HttpRequest.Builder basic(HttpRequest.Builder b, String user, String password) {
    return b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> json(String method, String path, String user, String password, String body, String... headers) {
    WebSession s = browser();
    HttpRequest.Builder b = basic(HttpRequest.newBuilder(s.uri(path)), user, password).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return s.send(b.build());
  }

  @Test
  void manyWrongPasswordsNeverLockAUserForGoodTheRightOneWorksOnceTheLockHasEnded() {
    String user = unique("lhmany");
    accounts.ensureUser(user, "多次输错", "pw", Roles.TEACHER);
    LocalDateTime t = LocalDateTime.of(2026, 11, 3, 8, 0);
    // three rounds of five wrong passwords: 15 wrong checks by the engine (its own limit was 10, then for good)
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 5; i++) {
        TestSchool.clockAt(t.plusSeconds(i));
        assertThat(browser().basic("/engine-rest/task/count", user, "wrong" + i).statusCode()).isEqualTo(401);
      }
      TestSchool.clockAt(t.plusMinutes(1));
      assertThat(browser().basic("/engine-rest/task/count", user, "pw").statusCode()).as("locked in round " + round).isEqualTo(401);
      t = t.plusMinutes(16);
    }
    TestSchool.clockAt(t);
    assertThat(browser().basic("/engine-rest/task/count", user, "pw").statusCode()).isEqualTo(200);
    assertThat(browser().login(user, "pw").get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void aRightPasswordForgetsTheWrongOnesBeforeIt() {
    String user = unique("lhforget");
    accounts.ensureUser(user, "输错后输对", "pw", Roles.TEACHER);
    TestSchool.clockAt(LocalDateTime.of(2026, 11, 5, 8, 0));
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 4; i++) { // one short of the limit of five
        assertThat(browser().basic("/engine-rest/task/count", user, "wrong" + i).statusCode()).isEqualTo(401);
      }
      assertThat(throttle.standing(user, null).nameHasFailures()).isTrue();
      assertThat(browser().basic("/engine-rest/task/count", user, "pw").statusCode()).as("round " + round).isEqualTo(200);
      assertThat(throttle.standing(user, null).nameHasFailures()).isFalse();
    }
    // eight wrong passwords within the window, but never five in a row: not locked
    assertThat(throttle.isLocked(user)).isFalse();
  }

  @Test
  void theEngineRestApiSeesTheCallersGroupsAsTheyAreAtEachCall() {
    String user = unique("lhgroups");
    String group = unique("lhgroup");
    accounts.ensureUser(user, "组员", "pw", Roles.TEACHER);
    identity.saveGroup(identity.newGroup(group));
    identity.createMembership(user, group);
    org.camunda.bpm.engine.task.Task task = taskService.newTask();
    task.setName("组内任务");
    taskService.saveTask(task);
    var grant = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
    grant.setResourceId(task.getId());
    grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    authorizations.saveAuthorization(grant);
    try {
      assertThat(browser().basic("/engine-rest/task/count?taskId=" + task.getId(), user, "pw").body()).contains("\"count\":1");
      identity.deleteMembership(user, group);
      assertThat(browser().basic("/engine-rest/task/count?taskId=" + task.getId(), user, "pw").body()).contains("\"count\":0");
    } finally {
      taskService.deleteTask(task.getId(), true); // and its grants
      identity.deleteGroup(group);
    }
  }

  @Test
  void engineLocksLeftByEarlierVersionsAreLiftedAtStart() throws Exception {
    String user = unique("lhold");
    accounts.ensureUser(user, "旧锁", "pw", Roles.TEACHER);
    // what the engine's permanent lock left in its user table
    jdbc.update("update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = ?",
        java.sql.Timestamp.valueOf(LocalDateTime.of(2099, 1, 1, 0, 0)), user);
    assertThat(identity.checkPassword(user, "pw")).isFalse();
    bootstrap.run(null);
    assertThat(browser().basic("/engine-rest/task/count", user, "pw").statusCode()).isEqualTo(200);
  }

  @Test
  void manyWrongPasswordsFromOneAddressLockThatAddressForAWhileNotOthers() {
    String user = unique("lhaddr");
    accounts.ensureUser(user, "地址限制", "pw", Roles.TEACHER);
    LoginThrottle strict = throttle.withLimits(1000, 3);
    EngineIdentityAuthenticationProvider provider = new EngineIdentityAuthenticationProvider(identity, strict);
    String address = "203.0.113." + SEQ.incrementAndGet() + "-" + System.nanoTime();
    TestSchool.clockAt(LocalDateTime.of(2026, 11, 4, 9, 0));
    for (int i = 0; i < 3; i++) {
      String guessed = unique("lhnobody");
      assertThatThrownBy(() -> provider.authenticate(token(guessed, "guess", address))).isInstanceOf(BadCredentialsException.class);
    }
    // every name is refused from that address now, even with the right password
    assertThatThrownBy(() -> provider.authenticate(token(user, "pw", address))).isInstanceOf(LockedException.class);
    assertThat(provider.authenticate(token(user, "pw", address + "-other")).isAuthenticated()).isTrue();
    TestSchool.clockAt(LocalDateTime.of(2026, 11, 4, 9, 16));
    assertThat(provider.authenticate(token(user, "pw", address)).isAuthenticated()).isTrue();
  }

  private static UsernamePasswordAuthenticationToken token(String user, String password, String address) {
    UsernamePasswordAuthenticationToken t = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    t.setDetails(new WebAuthenticationDetails(address, null));
    return t;
  }

  @Test
  void identityVerifyAndTheWebappsOwnLoginAreClosedToTeachers() {
    String body = "{\"username\":\"tadmin\",\"password\":\"guess\"}";
    HttpResponse<String> verify = json("POST", "/engine-rest/identity/verify", "tteacher", "pw", body);
    assertThat(verify.statusCode()).isEqualTo(403);
    assertThat(json("POST", "/engine-rest/identity/verify", "tadmin", "pw",
        "{\"username\":\"" + unique("lhnobody") + "\",\"password\":\"guess\"}").statusCode()).isEqualTo(200);

    WebSession s = browser().login("tteacher", "pw");
    HttpResponse<String> webappLogin = s.send(HttpRequest.newBuilder(s.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=tadmin&password=guess")).build());
    assertThat(webappLogin.statusCode()).isEqualTo(403);
    HttpResponse<String> anonymous = browser().send(HttpRequest.newBuilder(s.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=tteacher&password=pw")).build());
    assertThat(anonymous.statusCode()).isNotEqualTo(200);
    assertThat(anonymous.body()).doesNotContain("tteacher");
  }

  @Test
  void aWeakPasswordIsRefusedOverRestInTheUsersLanguageAndTheOldOneStays() {
    String user = unique("lhrest");
    accounts.ensureUser(user, "接口改密", "pw", Roles.TEACHER);
    String path = "/engine-rest/user/" + user + "/credentials";
    HttpResponse<String> en = json("PUT", path, "tadmin", "pw", "{\"password\":\"12345678\",\"authenticatedUserPassword\":\"pw\"}",
        "Accept-Language", "en");
    assertThat(en.statusCode()).isEqualTo(400);
    assertThat(en.body()).contains("too common").doesNotContain("Exception");
    HttpResponse<String> zh = json("PUT", path, "tadmin", "pw", "{\"password\":\"ab" + user + "\",\"authenticatedUserPassword\":\"pw\"}",
        "Accept-Language", "zh-CN");
    assertThat(zh.statusCode()).isEqualTo(400);
    assertThat(zh.body()).contains("不能由用户名加少量字符组成");
    assertThat(json("PUT", path, "tadmin", "pw", "{\"password\":\"short\",\"authenticatedUserPassword\":\"pw\"}").body())
        .contains("至少需要 8 个字符");
    assertThat(browser().basic("/engine-rest/task/count", user, "pw").statusCode()).isEqualTo(200);
    // a new user over REST too
    String other = unique("lhnew");
    HttpResponse<String> create = json("POST", "/engine-rest/user/create", "tadmin", "pw",
        "{\"profile\":{\"id\":\"" + other + "\",\"firstName\":\"新\",\"lastName\":\"用户\"},\"credentials\":{\"password\":\"password\"}}",
        "Accept-Language", "en");
    assertThat(create.statusCode()).isEqualTo(400);
    assertThat(accounts.exists(other)).isFalse();
    // a good one is taken
    assertThat(json("PUT", path, "tadmin", "pw", "{\"password\":\"Lantern-River-42\",\"authenticatedUserPassword\":\"pw\"}")
        .statusCode()).isEqualTo(204);
    assertThat(browser().basic("/engine-rest/task/count", user, "Lantern-River-42").statusCode()).isEqualTo(200);
    // the caller's own password the engine asks for is checked through the throttle (an admin of this test's own)
    String admin = unique("lhadm");
    accounts.ensureUser(admin, "测试管理员", "pw", Roles.ADMIN);
    HttpResponse<String> wrongCaller = json("PUT", path, admin, "pw", "{\"password\":\"Lantern-River-77\",\"authenticatedUserPassword\":\"guess\"}");
    assertThat(wrongCaller.statusCode()).isEqualTo(400);
    assertThat(wrongCaller.body()).contains("当前密码不正确");
    assertThat(jdbc.queryForObject("select failures from cf_login_failure where subject = ?", Integer.class, "user:" + admin)).isEqualTo(1);
    // and the engine itself refuses a weak one from any other way
    User u = identity.createUserQuery().userId(user).singleResult();
    u.setPassword("qwertyuiop");
    assertThatThrownBy(() -> identity.saveUser(u)).isInstanceOf(ProcessEngineException.class);
  }

  @Test
  void aSignedInUserChangesTheirOwnPasswordOnTheAccountPage() {
    String user = unique("lhacct");
    accounts.ensureUser(user, "自己改密", "pw", Roles.TEACHER);
    WebSession s = browser().login(user, "pw");
    assertThat(s.get("/account/password").body()).contains("name=\"current\"", "name=\"confirm\"", "修改密码");
    HttpResponse<String> wrongCurrent = s.post("/account/password", Map.of("current", List.of("nope"),
        "password", List.of("Lantern-River-42"), "confirm", List.of("Lantern-River-42")));
    assertThat(wrongCurrent.statusCode()).isEqualTo(422);
    assertThat(wrongCurrent.body()).contains("当前密码不正确");
    HttpResponse<String> mismatch = s.post("/account/password", Map.of("current", List.of("pw"),
        "password", List.of("Lantern-River-42"), "confirm", List.of("Lantern-River-43")));
    assertThat(mismatch.body()).contains("两次输入的新密码不一致");
    HttpResponse<String> weak = s.post("/account/password?lang=en", Map.of("current", List.of("pw"),
        "password", List.of(user + "1"), "confirm", List.of(user + "1")));
    assertThat(weak.statusCode()).isEqualTo(422);
    assertThat(weak.body()).contains("must not be the user name plus only a few characters");
    assertThat(browser().basic("/engine-rest/task/count", user, "pw").statusCode()).isEqualTo(200);

    HttpResponse<String> ok = s.post("/account/password", Map.of("current", List.of("pw"),
        "password", List.of("Lantern-River-42"), "confirm", List.of("Lantern-River-42")));
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(ok.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/account/password?changed"));
    assertThat(browser().basic("/engine-rest/task/count", user, "Lantern-River-42").statusCode()).isEqualTo(200);
    assertThat(browser().basic("/engine-rest/task/count", user, "pw").statusCode()).isEqualTo(401);
  }

  @Test
  void aTeacherSeesColleaguesNamesButNotTheirEmailAndCannotChangeTheirOwnProfile() {
    HttpResponse<String> list = browser().basic("/engine-rest/user?maxResults=500", "tteacher", "pw");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"id\":\"tteacher2\"", "测试班主任二", "tteacher@school.example")
        .doesNotContain("tteacher2@school.example", "tadmin@school.example");
    assertThat(browser().basic("/engine-rest/user/tteacher2/profile", "tteacher", "pw").body())
        .contains("测试班主任二").doesNotContain("tteacher2@school.example");
    // the same over the webapps' door
    WebSession s = browser().login("tteacher", "pw");
    assertThat(s.get("/camunda/api/engine/engine/default/user?maxResults=500").body()).contains("\"id\":\"tteacher2\"")
        .doesNotContain("tteacher2@school.example");
    // administrators keep the directory
    assertThat(browser().basic("/engine-rest/user?maxResults=500", "tadmin", "pw").body()).contains("tteacher2@school.example");

    HttpResponse<String> put = json("PUT", "/engine-rest/user/tteacher/profile", "tteacher", "pw",
        "{\"id\":\"tteacher\",\"firstName\":\"改名\",\"lastName\":\"\",\"email\":\"elsewhere@example.org\"}");
    assertThat(put.statusCode()).isEqualTo(403);
    // the error names no Java exception
    assertThat(put.body()).contains("\"type\":\"Forbidden\"").doesNotContain("Exception");
    assertThat(identity.createUserQuery().userId("tteacher").singleResult().getEmail()).isEqualTo("tteacher@school.example");
    HttpResponse<String> missing = browser().basic("/engine-rest/task/" + unique("lhnotask"), "tteacher", "pw");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\"type\":\"NotFound\"").doesNotContain("Exception");
  }

  @Test
  void theSessionCookieIsSameSiteLaxAndThereIsNoHstsOverPlainHttp() {
    HttpResponse<String> login = browser().get("/login");
    assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
        .contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure"));
    assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }
}
