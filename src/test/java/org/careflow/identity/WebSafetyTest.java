package org.careflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a data-protection officer checks on the web side: CSRF, headers, hashed passwords, lock-out, sessions, upload limits. */
class WebSafetyTest extends CareflowTest {

  @Autowired Accounts accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired Environment env;

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private static HttpRequest.Builder withBasic(HttpRequest.Builder b, String user, String password) {
    return b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> pageLogin(WebSession s, String user, String password) {
    s.get("/login");
    return s.post("/login", Map.of("username", List.of(user), "password", List.of(password)));
  }

  @Test
  void statechangingPostsWithoutTheCsrfTokenAreRefusedAndWriteNothing() {
    WebSession s = browser().login("tteacher", "pw");
    int children = count("cf_child");
    int audit = count("cf_audit");
    HttpResponse<String> r = s.postRaw("/enrol", Map.of("name", List.of("无令牌"), "classId", List.of(school.classA.getId().toString())), false);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(s.postRaw("/children/1/edit", Map.of("version", List.of("0"), "name", List.of("x")), false).statusCode()).isEqualTo(403);
    assertThat(s.postRaw("/tasks/1", Map.of("talkDate", List.of("2026-12-01")), false).statusCode()).isEqualTo(403);
    assertThat(s.postRaw("/cases/1/close", Map.of("reason", List.of("OTHER"), "childId", List.of("1")), false).statusCode()).isEqualTo(403);
    assertThat(browser().login("tcoordinator", "pw").postRaw("/import", Map.of(), false).statusCode()).isEqualTo(403);
    assertThat(count("cf_child")).isEqualTo(children);
    assertThat(count("cf_audit")).isEqualTo(audit);
    // a token from another session does not count either
    WebSession other = browser().login("tteacher", "pw");
    other.get("/enrol");
    assertThat(s.postRaw("/enrol?_csrf=forged", Map.of("name", List.of("无令牌")), false).statusCode()).isEqualTo(403);
    assertThat(count("cf_child")).isEqualTo(children);
  }

  @Test
  void pagesWithChildrensDataSendTheSecurityHeadersAndAreNotCached() {
    WebSession s = browser().login("tteacher", "pw");
    for (String path : List.of("/", "/enrol", "/login")) {
      HttpResponse<String> r = s.get(path);
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
          .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'", "frame-ancestors 'none'", "script-src 'self'"));
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
      assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }
  }

  @Test
  void passwordsAreStoredSaltedAndHashedNeverAsTyped() {
    List<Map<String, Object>> rows = jdbc.queryForList("select ID_, PWD_, SALT_ from ACT_ID_USER where ID_ in ('tteacher', 'tteacher2')");
    assertThat(rows).hasSize(2);
    for (Map<String, Object> row : rows) {
      assertThat((String) row.get("PWD_")).startsWith("{SHA-512}").doesNotContain("pw}").isNotEqualTo("pw");
      assertThat((String) row.get("SALT_")).isNotBlank();
    }
    // the same password, two different hashes (a salt per user)
    assertThat(rows.get(0).get("PWD_")).isNotEqualTo(rows.get(1).get("PWD_"));
  }

  @Test
  void fiveWrongPasswordsLockTheAccountForFifteenMinutesAtEveryDoor() {
    accounts.ensureUser("tlocked", "锁定测试", "pw", Roles.TEACHER);
    accounts.ensureUser("tlocked2", "锁定测试二", "pw", Roles.TEACHER);
    TestSchool.clockAt(LocalDateTime.of(2026, 11, 2, 9, 0));
    WebSession s = browser();
    for (int i = 0; i < 4; i++) {
      assertThat(pageLogin(s, "tlocked", "wrong" + i).headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login?error"));
    }
    // the fifth wrong password locks the name; the right one is refused now, on the page, /api and /engine-rest
    TestSchool.clockAt(LocalDateTime.of(2026, 11, 2, 9, 1)); // past the engine's own short delay
    pageLogin(s, "tlocked", "wrong4");
    HttpResponse<String> locked = pageLogin(s, "tlocked", "pw");
    assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login?locked"));
    assertThat(s.get("/login?locked").body()).contains("密码错误次数过多");
    assertThat(s.basic("/engine-rest/task/count", "tlocked", "pw").statusCode()).isEqualTo(401);
    assertThat(s.basic("/api/audit", "tlocked", "pw").statusCode()).isEqualTo(401);
    // other users are not affected
    assertThat(s.basic("/engine-rest/task/count", "tlocked2", "pw").statusCode()).isEqualTo(200);
    // fifteen minutes later the right password works again
    TestSchool.clockAt(LocalDateTime.of(2026, 11, 2, 9, 17));
    assertThat(pageLogin(browser(), "tlocked", "pw").headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).doesNotContain("error", "locked"));

    // wrong passwords over HTTP Basic count the same and lock the pages too
    for (int i = 0; i < 5; i++) {
      TestSchool.clockAt(LocalDateTime.of(2026, 11, 2, 10, i * 2));
      assertThat(browser().basic("/engine-rest/task/count", "tlocked2", "bad" + i).statusCode()).isEqualTo(401);
    }
    TestSchool.clockAt(LocalDateTime.of(2026, 11, 2, 10, 12));
    assertThat(pageLogin(browser(), "tlocked2", "pw").headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login?locked"));
    // failures spread over more than fifteen minutes do not add up
    for (int i = 0; i < 6; i++) {
      TestSchool.clockAt(LocalDateTime.of(2026, 11, 2, 12, 0).plusMinutes(i * 4L));
      browser().basic("/engine-rest/task/count", "tlocked", "bad" + i);
    }
    TestSchool.clockAt(LocalDateTime.of(2026, 11, 2, 12, 25));
    assertThat(browser().basic("/engine-rest/task/count", "tlocked", "pw").statusCode()).isEqualTo(200);
  }

  @Test
  void sessionsExpireAfterThirtyIdleMinutesAndTheCookieIsHttpOnly() {
    assertThat(env.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
    WebSession s = browser();
    HttpResponse<String> login = s.get("/login");
    assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly"));
  }

  private static HttpRequest multipart(WebSession s, String path, byte[] file, String csrf) {
    return s.multipart(path, csrf == null ? Map.of() : Map.of("_csrf", csrf),
        new WebSession.FilePart("file", "roster.xlsx", "application/octet-stream", file)).build();
  }

  @Test
  void aTooLargeUploadGetsAClearErrorAndNothingIsImported() {
    int children = count("cf_child");
    byte[] big = new byte[11 * 1024 * 1024];
    WebSession api = browser();
    HttpResponse<String> r = api.send(withBasic(HttpRequest.newBuilder(multipart(api, "/api/import/roster", big, null), (n, v) -> true), "tcoordinator", "pw").build());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("文件过大", "10 MB").doesNotContain("Exception");
    WebSession page = browser().login("tcoordinator", "pw");
    HttpResponse<String> shown = page.send(HttpRequest.newBuilder(multipart(page, "/import", big, "x"), (n, v) -> true).header("Accept-Language", "en").build());
    assertThat(shown.statusCode()).isEqualTo(413);
    assertThat(shown.body()).contains("too large", "10 MB");
    assertThat(count("cf_child")).isEqualTo(children);
  }
}
