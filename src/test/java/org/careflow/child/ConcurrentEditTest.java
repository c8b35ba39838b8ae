package org.careflow.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.inbox.TaskWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two people at the same archive or the same task at once: one wins, the other is told, nothing is silently overwritten. */
class ConcurrentEditTest extends CareflowTest {

  @Autowired CaseLifecycle lifecycle;
  @Autowired CareCases cases;
  @Autowired JdbcTemplate jdbc;

  static final TaskWork.Worker WEB = TestSchool.as("tweb", "teacher");
  /** This test's child's student number (a new instance, so a new number, for every test). */
  final String studentNo = TestSchool.nextStudentNo("CON");
  static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

  private long registered(String studentNo) {
    clockAt(LocalDateTime.of(2026, 11, 2, 9, 0));
    long caseId = lifecycle.enrol("并发测试", school.classC.getId(), "tcoordinator").getId();
    school.complete(caseId, "registerChild", WEB, new HashMap<>(TestSchool.archive(studentNo, "BOTH_AWAY", LocalDate.of(2025, 12, 1))));
    return caseId;
  }

  private static String version(String page) {
    Matcher m = VERSION.matcher(page);
    assertThat(m.find()).as("the edit page carries the archive's version").isTrue();
    return m.group(1);
  }

  /** The whole archive as the edit page shows it, with one field changed. */
  private Map<String, List<String>> edited(String version, String field, String value) {
    Map<String, List<String>> f = new HashMap<>(TestSchool.archive(studentNo, "BOTH_AWAY", LocalDate.of(2025, 12, 1)));
    f.keySet().removeAll(List.of("consentGiven", "consentBy", "consentMethod"));
    f.put("version", List.of(version));
    f.put(field, List.of(value));
    return f;
  }

  @Test
  void theSecondSaveOfTheSameArchiveIsToldItChangedAndShownTheCurrentValues() {
    long caseId = registered(studentNo);
    long childId = cases.careCase(caseId).getChild().getId();
    WebSession teacher = browser().login("tweb", "pw");
    WebSession coordinator = browser().login("tcoordinator", "pw");
    String page = teacher.get("/children/" + childId).body();
    assertThat(page).contains("/children/" + childId + "/edit");
    String v1 = version(teacher.get("/children/" + childId + "/edit").body());
    String v2 = version(coordinator.get("/children/" + childId + "/edit").body());
    assertThat(v1).isEqualTo(v2);

    HttpResponse<String> first = teacher.post("/children/" + childId + "/edit", edited(v1, "interests", "画画"));
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/children/" + childId + "?saved"));
    int historyBefore = jdbc.queryForObject("select count(*) from cf_archive_change where child_id = ?", Integer.class, childId);

    HttpResponse<String> second = coordinator.post("/children/" + childId + "/edit", edited(v2, "guardianPhone", "13700001111"));
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).contains("他人已修改了此档案", "网页测试班主任", "value=\"画画\"").doesNotContain("13700001111");
    assertThat(jdbc.queryForObject("select guardian_phone from cf_child where id = ?", String.class, childId)).isEqualTo("18712345678");
    assertThat(jdbc.queryForObject("select interests from cf_child where id = ?", String.class, childId)).isEqualTo("画画");
    assertThat(jdbc.queryForObject("select count(*) from cf_archive_change where child_id = ?", Integer.class, childId)).isEqualTo(historyBefore);

    // with the page it was shown (the current version) the coordinator's change goes in, and keeps the teacher's
    String v3 = version(second.body());
    Map<String, List<String>> again = edited(v3, "guardianPhone", "13700001111");
    again.put("interests", List.of("画画"));
    assertThat(coordinator.post("/children/" + childId + "/edit", again).statusCode()).isEqualTo(302);
    assertThat(jdbc.queryForMap("select guardian_phone, interests from cf_child where id = ?", childId))
        .containsEntry("GUARDIAN_PHONE", "13700001111").containsEntry("INTERESTS", "画画");
  }

  @Test
  void onlyTheClassTeacherAndCoordinatorsEditAndBadValuesAreShownNotSaved() {
    long caseId = registered(studentNo);
    long childId = cases.careCase(caseId).getChild().getId();
    assertThat(browser().login("tteacher2", "pw").get("/children/" + childId + "/edit").statusCode()).isEqualTo(404);
    WebSession other = browser().login("tteacher2", "pw");
    other.get("/");
    assertThat(other.post("/children/" + childId + "/edit", edited("0", "interests", "x")).statusCode()).isEqualTo(404);

    WebSession teacher = browser().login("tweb", "pw");
    String v = version(teacher.get("/children/" + childId + "/edit").body());
    Map<String, List<String>> bad = edited(v, "guardianPhone", "12345");
    bad.put("birthDate", List.of("2026-02-30"));
    bad.put("guardianAge", List.of("abc"));
    HttpResponse<String> r = teacher.post("/children/" + childId + "/edit", bad);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("请修改下面标出的内容", "value=\"12345\"", "请填写正确的日期", "请填写正确的手机号", "请填写数字");
    assertThat(jdbc.queryForObject("select guardian_phone from cf_child where id = ?", String.class, childId)).isEqualTo("18712345678");
    assertThat(jdbc.queryForObject("select version from cf_child where id = ?", Long.class, childId)).isEqualTo(Long.parseLong(v));
  }

  @Test
  void twoTeachersCompletingTheSameTaskAtOnceOneSucceedsTheOtherIsToldAndOneRecordIsWritten() throws Exception {
    long caseId = registered(studentNo);
    school.complete(caseId, "verificationVisit", WEB, form("visitDate", "2026-11-02", "metWith", "祖母", "homeConditions", "好", "guardianHealth", "GOOD"));
    school.complete(caseId, "assignMentor", TestSchool.COORDINATOR, form("mentor", "tmentor"));
    school.complete(caseId, "firstMeeting", TestSchool.as("tmentor", "mentor"), form("meetingDate", "2026-11-02", "mood", "CALM", "notes", "好"));
    clockAt(LocalDateTime.of(2026, 12, 3, 10, 0));
    Task talk = school.task(caseId, "monthlyTalk");
    List<WebSession> people = List.of(browser().login("tweb", "pw"), browser().login("tadmin", "pw"));
    people.forEach(p -> p.get("/tasks/" + talk.getId()));
    Map<String, List<String>> card = Map.of("talkDate", List.of("2026-12-02"), "topics", List.of("study"), "mood", List.of("CALM"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (WebSession p : people) {
        answers.add(pool.submit(() -> {
          start.await();
          return p.post("/tasks/" + talk.getId(), card);
        }));
      }
      start.countDown();
      List<Integer> codes = new ArrayList<>();
      String loser = null;
      for (Future<HttpResponse<String>> a : answers) {
        HttpResponse<String> r = a.get();
        codes.add(r.statusCode());
        if (r.statusCode() != 302) {
          loser = r.body();
        }
      }
      assertThat(codes).containsExactlyInAnyOrder(302, 409);
      assertThat(loser).containsAnyOf("办理完毕", "他人").doesNotContain("Exception", "at org.");
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForObject("select count(*) from cf_monthly_talk where case_id = ?", Integer.class, caseId)).isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(talk.getId()).finished().count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from cf_audit where case_id = ? and action = 'RECORD' and detail = 'monthlyTalk'", Integer.class, caseId)).isEqualTo(1);
  }
}
