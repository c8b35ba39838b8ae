package org.careflow.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careflow.DemoSchoolApp;
import org.careflow.WebSession;
import org.careflow.school.SchoolRepository;
import org.careflow.shared.CareClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reminders on the demo school, as the check meets them: careflow started with its default (demo)
 * profile and both platforms' addresses pointed at a local stand-in ({@link FakePlatforms}) that checks tokens,
 * signatures, timestamps and sizes as the real ones do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemindersDemoTest {

  private static final String BASE_URL = DemoSchoolApp.BASE_URL;

  private FakePlatforms fake;
  private ConfigurableApplicationContext app;
  private int port;
  private JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void start() {
    DemoSchoolApp demo = DemoSchoolApp.get();
    fake = demo.fake;
    app = demo.app;
    port = demo.port;
    jdbc = demo.jdbc;
  }

  private HttpResponse<String> sendNow(String user) {
    WebSession api = new WebSession(port);
    HttpRequest.Builder b = HttpRequest.newBuilder(api.uri("/api/admin/digest/send")).POST(HttpRequest.BodyPublishers.noBody());
    if (user != null) {
      b.header("Authorization", WebSession.basicAuth(user, "demo"));
    }
    return api.send(b.build());
  }

  private JsonNode sendNowAsAdmin() throws Exception {
    HttpResponse<String> r = sendNow("admin");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  @Test
  void theClassTeacherAndTheMentorGetTheirCountsAndALinkOnWeComAndTheSchoolRobotItsFigures() throws Exception {
    int refusalsBefore = fake.refusals.size();
    JsonNode answer = sendNowAsAdmin();
    assertThat(answer.path("wecom").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(answer.path("dingtalk").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(answer.path("failed").path("wecom").asInt()).isZero();
    for (String user : List.of("teacher", "mentor")) {
      List<FakePlatforms.WeComMessage> got = morningTo(user);
      assertThat(got).as(user).hasSize(1); // once, however often the administrator presses "send"
      assertThat(got.get(0).content()).contains("3天内到期", "已逾期", BASE_URL + "/").containsPattern("已逾期 \\d+ 项：\\S+ \\d+");
    }
    assertThat(fake.robot).anySatisfy(m -> assertThat(m.content()).contains("学校工作情况", "三年级(1)班", BASE_URL + "/"));
    assertThat(fake.refusals.subList(refusalsBefore, fake.refusals.size())).as("every request valid: token, signature, timestamp, size").isEmpty();
    // pressing again sends nothing twice and answers the same counts
    JsonNode again = sendNowAsAdmin();
    assertThat(again.path("wecom").asInt()).isEqualTo(answer.path("wecom").asInt());
    assertThat(morningTo("teacher")).hasSize(1);
  }

  private List<FakePlatforms.WeComMessage> morningTo(String user) {
    return fake.wecomTo(user).stream().filter(m -> m.content().contains("工作提醒")).toList();
  }

  @Test
  void noChildsNameInAnyMessage() throws Exception {
    sendNowAsAdmin();
    escalateOneTaskOfTheDemo();
    app.getBean(Outbox.class).dispatch(Instant.now(), true);
    List<String> names = jdbc.queryForList("SELECT name FROM cf_child", String.class);
    assertThat(names).hasSizeGreaterThan(10);
    List<String> sent = new ArrayList<>();
    fake.wecom.forEach(m -> sent.add(m.content()));
    fake.robot.forEach(m -> sent.add(m.content()));
    assertThat(sent).anyMatch(m -> m.contains("升级提醒")).anyMatch(m -> m.contains("工作提醒"));
    for (String message : sent) {
      for (String name : names) {
        assertThat(message).as("a message must not name a child").doesNotContain(name);
      }
      // no phone number either: eleven digits from a 1, standing on their own (the other tests' messages carry
      // random UUIDs, whose digit runs once matched a bare 1\d{10} on a fresh clone)
      assertThat(message).doesNotContainPattern("(?<![0-9A-Za-z])1\\d{10}(?![0-9A-Za-z])");
    }
  }

  /** A week-late task of the demo is escalated: its school's supervisors and its teacher are told at once. */
  private void escalateOneTaskOfTheDemo() {
    var engine = app.getBean(org.camunda.bpm.engine.ProcessEngine.class);
    var task = engine.getTaskService().createTaskQuery().processDefinitionKey("child-case").taskAssignee("teacher").listPage(0, 1).get(0);
    var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    app.getBean(org.springframework.transaction.PlatformTransactionManager.class);
    new org.springframework.transaction.support.TransactionTemplate(app.getBean(org.springframework.transaction.PlatformTransactionManager.class))
        .executeWithoutResult(s -> app.publishEvent(new org.careflow.oversight.EscalationRaised(900_000_000L + COUNTER.incrementAndGet(),
            task.getProcessDefinitionId(), instance.getBusinessKey(), task.getTaskDefinitionKey(), "teacher")));
  }

  private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong(System.nanoTime() % 100_000);

  @Test
  void anEscalationIsToldAtOnceToTheSupervisorAndTheTeacher() {
    int before = fake.wecomTo("supervisor").size();
    escalateOneTaskOfTheDemo();
    Outbox outbox = app.getBean(Outbox.class);
    LocalDate today = LocalDate.now(app.getBean(CareClock.class).zone());
    List<Outbox.Row> rows = outbox.ofDay(today, "ESCALATION").stream().filter(r -> r.ref().startsWith("esc-")).toList();
    assertThat(rows).extracting(Outbox.Row::target).contains("user:supervisor", "user:teacher");
    assertThat(rows.get(rows.size() - 1).body()).contains("升级提醒", "逾期一周", BASE_URL + "/");
    outbox.dispatch(Instant.now(), true);
    assertThat(fake.wecomTo("supervisor").size()).isGreaterThan(before);
  }

  private long enqueueMarked(String marker, String user) {
    long school = app.getBean(SchoolRepository.class).findAll().get(0).getId();
    Outbox outbox = app.getBean(Outbox.class);
    LocalDate day = LocalDate.now(app.getBean(CareClock.class).zone());
    outbox.enqueue(day, List.of(new Outbox.Draft("ESCALATION", marker, Outbox.Channel.WECOM, "user:" + user, school, "测试 " + marker)));
    return outbox.ofDay(day, "ESCALATION").stream().filter(r -> r.ref().equals(marker)).findFirst().orElseThrow().id();
  }

  private boolean received(String marker) {
    return fake.wecom.stream().anyMatch(m -> m.content().contains(marker));
  }

  /** 10:00 school time on the first school day (a weekday in a term, no holiday) from {@code from} on. */
  private Instant schoolHoursOnASchoolDayFrom(Instant from) {
    long school = app.getBean(SchoolRepository.class).findAll().get(0).getId();
    ReminderCalendar calendar = app.getBean(ReminderCalendar.class);
    java.time.ZoneId zone = app.getBean(CareClock.class).zone();
    LocalDate day = LocalDate.ofInstant(from, zone);
    for (int i = 0; i < 60; i++, day = day.plusDays(1)) {
      Instant at = day.atTime(10, 0).atZone(zone).toInstant();
      if (!at.isBefore(from) && calendar.schoolDay(school, day)) {
        return at;
      }
    }
    throw new AssertionError("the demo has no school day in the next 60 days");
  }

  /** A moment in the quiet hours (02:00 school time) after now; the outbox is looked at with the calendar then. */
  private Instant quietMomentAfterNow() {
    ZonedDateTime at = ZonedDateTime.now(app.getBean(CareClock.class).zone()).withHour(2).withMinute(0);
    while (!at.toInstant().isAfter(Instant.now())) {
      at = at.plusDays(1);
    }
    return at.toInstant();
  }

  @Test
  void aMessageThatFailsWith5xxIsTriedAgainAfterItsBackOffAndShownToTheAdministrator() {
    String marker = "retry-" + UUID.randomUUID();
    long id = enqueueMarked(marker, "mentor2");
    Outbox outbox = app.getBean(Outbox.class);
    fake.failFor = "mentor2";
    fake.failNext.set(1);
    Instant now = Instant.now();
    outbox.dispatch(now, true);
    Outbox.Row failed = outbox.row(id).orElseThrow();
    assertThat(received(marker)).isFalse();
    assertThat(failed.status()).isEqualTo("PENDING");
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("500");
    assertThat(failed.nextAttemptAt()).isAfter(now);
    WebSession admin = new WebSession(port).login("admin", "demo");
    assertThat(admin.get("/admin/reminders").body()).contains("500", "稍后重试");
    outbox.dispatch(now.plusSeconds(10), false); // not before its time
    assertThat(received(marker)).isFalse();
    outbox.dispatch(schoolHoursOnASchoolDayFrom(failed.nextAttemptAt()), false);
    assertThat(received(marker)).isTrue();
    assertThat(outbox.row(id).orElseThrow().status()).isEqualTo("SENT");
  }

  @Test
  void nothingGoesOutInTheQuietHours() {
    String marker = "quiet-" + UUID.randomUUID();
    long id = enqueueMarked(marker, "teacher2");
    Instant night = quietMomentAfterNow();
    app.getBean(Outbox.class).dispatch(night, false);
    assertThat(received(marker)).isFalse();
    Outbox.Row r = app.getBean(Outbox.class).row(id).orElseThrow();
    assertThat(r.status()).isEqualTo("PENDING");
    assertThat(r.attempts()).isZero();
    assertThat(r.nextAttemptAt()).isAfter(night);
    // nor does the scheduled morning run start in the night
    assertThat(app.getBean(ReminderCalendar.class).quiet(night)).isTrue();
  }

  @Test
  void anExpiredAccessTokenIsFetchedAgainAndTheMessageStillGoes() {
    forceSend(enqueueMarked("warm-" + UUID.randomUUID(), "mentor3")); // a token in the client's cache
    int tokens = fake.tokensIssued.get();
    fake.expireToken();
    String marker = "token-" + UUID.randomUUID();
    forceSend(enqueueMarked(marker, "mentor3"));
    assertThat(received(marker)).isTrue();
    assertThat(fake.tokensIssued.get()).isEqualTo(tokens + 1);
    assertThat(fake.refusals).anyMatch(r -> r.startsWith("42001"));
  }

  /** Sends today's queued messages now, as an administrator's "send now" does. */
  private void forceSend(long id) {
    app.getBean(Outbox.class).dispatch(Instant.now(), true);
  }

  @Test
  void onlyAdministratorsMaySendNow() {
    assertThat(sendNow("teacher").statusCode()).isEqualTo(403);
    assertThat(sendNow("coordinator").statusCode()).isEqualTo(403);
    assertThat(sendNow("supervisor").statusCode()).isEqualTo(403);
    assertThat(sendNow(null).statusCode()).isEqualTo(401);
    assertThat(new WebSession(port).login("teacher", "demo").get("/admin/reminders").statusCode()).isEqualTo(403);
  }

  @Test
  void secretsSavedOnThePageAreNeverShownAgainNorStoredInTheClear() {
    long school = app.getBean(SchoolRepository.class).findAll().get(0).getId();
    WebSession admin = new WebSession(port).login("admin", "demo");
    assertThat(admin.get("/admin/reminders?school=" + school).statusCode()).isEqualTo(200);
    HttpResponse<String> saved = admin.post("/admin/reminders", Map.of("school", List.of(String.valueOf(school)),
        "corpId", List.of(FakePlatforms.CORP_ID), "agentId", List.of(String.valueOf(FakePlatforms.AGENT_ID)),
        "secret", List.of(FakePlatforms.CORP_SECRET), "webhook", List.of(fake.robotWebhook()), "robotSecret", List.of(FakePlatforms.ROBOT_SECRET)));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    String page = admin.get("/admin/reminders?school=" + school).body();
    assertThat(page).contains(FakePlatforms.CORP_ID, "已设置").doesNotContain(FakePlatforms.CORP_SECRET, FakePlatforms.ROBOT_TOKEN,
        FakePlatforms.ROBOT_SECRET);
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM cf_rem_school_channel WHERE school_id = ?", school);
    assertThat(row.toString()).doesNotContain(FakePlatforms.CORP_SECRET, FakePlatforms.ROBOT_TOKEN, FakePlatforms.ROBOT_SECRET);
    // a wrong agent id: a clear error, nothing changed
    HttpResponse<String> wrong = admin.post("/admin/reminders", Map.of("school", List.of(String.valueOf(school)),
        "corpId", List.of("ww1"), "agentId", List.of("abc")));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body()).contains("AgentId");
    assertThat(jdbc.queryForObject("SELECT wecom_corp_id FROM cf_rem_school_channel WHERE school_id = ?", String.class, school))
        .isEqualTo(FakePlatforms.CORP_ID);
    // the school's own settings are used: a message still reaches its teacher
    String marker = "own-" + UUID.randomUUID();
    long id = enqueueMarked(marker, "counsellor");
    forceSend(id);
    assertThat(received(marker)).isTrue();
    // nor does Spring's environment endpoint show them
    assertThat(admin.get("/actuator/env").body()).doesNotContain(FakePlatforms.CORP_SECRET, FakePlatforms.ROBOT_SECRET);
  }
}
