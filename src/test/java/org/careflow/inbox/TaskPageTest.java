package org.careflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.child.CareCases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A teacher works a task in the browser: the inbox, the form on the task page, errors, the child's timeline. */
class TaskPageTest extends CareflowTest {

  @Autowired CareCases cases;
  @Autowired JdbcTemplate jdbc;

  private static final org.careflow.inbox.TaskWork.Worker WEB = TestSchool.as("tweb", "teacher");

  private long caseWithMonthlyTalk() {
    clockAt(LocalDateTime.of(2026, 11, 2, 9, 0));
    long caseId = school.caseInCare(school.classC, WEB, "tmentor", "赵子轩", TestSchool.nextStudentNo("WEB"));
    // The server reads the same engine clock: early December, November's talk is overdue.
    clockAt(LocalDateTime.of(2026, 12, 3, 10, 0));
    return caseId;
  }

  private int talkRows(long caseId) {
    return jdbc.queryForObject("select count(*) from cf_monthly_talk where case_id = ?", Integer.class, caseId);
  }

  @Test
  void theTeacherFillsTheTalkCardAndSeesItOnTheChildsTimeline() {
    long caseId = caseWithMonthlyTalk();
    Task talk = school.task(caseId, "monthlyTalk");
    WebSession s = browser().login("tweb", "pw");

    String inbox = s.get("/").body();
    assertThat(inbox).contains("/tasks/" + talk.getId()).contains("每月谈心").contains("赵子轩").contains("state-OVERDUE");

    String page = s.get("/tasks/" + talk.getId()).body();
    assertThat(page).contains("谈心日期", "name=\"talkDate\"", "name=\"topics\"", "value=\"emotions\"", "name=\"mood\"");

    // A required field left out: the errors are shown next to the fields and nothing is written.
    HttpResponse<String> bad = s.post("/tasks/" + talk.getId(), Map.of("talkDate", List.of("2026-12-02"), "topics", List.of("study")));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("尚未保存任何信息", "此项必填");
    assertThat(talkRows(caseId)).isZero();
    assertThat(school.task(caseId, "monthlyTalk")).isNotNull();

    HttpResponse<String> ok = s.post("/tasks/" + talk.getId(), Map.of("talkDate", List.of("2026-12-02"),
        "topics", List.of("study", "emotions"), "mood", List.of("LOW"), "concerns", List.of("想念妈妈"), "parentsInformed", List.of("true")));
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(talkRows(caseId)).isEqualTo(1);
    assertThat(school.tasks(caseId, "monthlyTalk")).isEmpty();

    long childId = cases.careCase(caseId).getChild().getId();
    String child = s.get("/children/" + childId).body();
    assertThat(child).contains("班主任每月谈心", "想念妈妈", "学习、情绪", "低落");
    assertThat(child).contains("王奶奶", "13812345678"); // the archive, for the child's own class teacher
  }

  @Test
  void anotherClassesTeacherCannotOpenTheTaskOrTheChild() {
    long caseId = caseWithMonthlyTalk();
    Task talk = school.task(caseId, "monthlyTalk");
    WebSession other = browser().login("tteacher2", "pw");
    assertThat(other.get("/tasks/" + talk.getId()).statusCode()).isEqualTo(404);
    long childId = cases.careCase(caseId).getChild().getId();
    HttpResponse<String> child = other.get("/children/" + childId);
    assertThat(child.statusCode()).isEqualTo(404);
    assertThat(child.body()).doesNotContain("赵子轩", "13812345678");
    HttpResponse<String> post = other.post("/tasks/" + talk.getId(), Map.of("talkDate", List.of("2026-12-02"),
        "topics", List.of("study"), "mood", List.of("CALM")));
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(talkRows(caseId)).isZero();
  }

  @Test
  void theInboxFiltersByKindClassAndChildAndCountsEachKind() {
    long caseId = caseWithMonthlyTalk();
    WebSession s = browser().login("tweb", "pw");
    String all = s.get("/").body();
    assertThat(all).contains("每月谈心 (");
    String talks = s.get("/?kind=monthlyTalk").body();
    assertThat(talks).contains("每月谈心").doesNotContain(">建立档案<");
    String byName = s.get("/?q=" + java.net.URLEncoder.encode("子轩", java.nio.charset.StandardCharsets.UTF_8)).body();
    assertThat(byName).contains("赵子轩");
    String nobody = s.get("/?q=" + java.net.URLEncoder.encode("不存在的名字", java.nio.charset.StandardCharsets.UTF_8)).body();
    assertThat(nobody).doesNotContain("task-link").contains("暂无待办任务");
    String otherClass = s.get("/?classId=" + school.classA.getId()).body();
    assertThat(otherClass).doesNotContain("task-link");
    assertThat(school.task(caseId, "monthlyTalk")).isNotNull();
  }

  @Test
  void aTeacherCommentsOnATaskAndHandsItToAColleague() {
    long caseId = caseWithMonthlyTalk();
    Task talk = school.task(caseId, "monthlyTalk");
    WebSession s = browser().login("tweb", "pw");
    s.get("/tasks/" + talk.getId());
    assertThat(s.post("/tasks/" + talk.getId() + "/comments", Map.of("text", List.of("家长电话打不通，下周再试"))).statusCode()).isEqualTo(302);
    String page = s.get("/tasks/" + talk.getId()).body();
    assertThat(page).contains("家长电话打不通，下周再试", "网页测试班主任");

    HttpResponse<String> toNobody = s.post("/tasks/" + talk.getId() + "/handover", Map.of("colleague", List.of("nobody")));
    assertThat(toNobody.statusCode()).isEqualTo(422);
    assertThat(school.task(caseId, "monthlyTalk").getAssignee()).isEqualTo("tweb");

    s.get("/tasks/" + talk.getId());
    HttpResponse<String> handed = s.post("/tasks/" + talk.getId() + "/handover",
        Map.of("colleague", List.of("tteacher2"), "note", List.of("我下周外出培训，请代为谈心")));
    assertThat(handed.statusCode()).isEqualTo(302);
    assertThat(school.task(caseId, "monthlyTalk").getAssignee()).isEqualTo("tteacher2");
    assertThat(s.get("/tasks/" + talk.getId()).statusCode()).isEqualTo(404); // no longer mine

    WebSession colleague = browser().login("tteacher2", "pw");
    String theirs = colleague.get("/tasks/" + talk.getId()).body();
    assertThat(theirs).contains("转交给 测试班主任二", "我下周外出培训，请代为谈心");
  }

  @Test
  void thePagesSpeakEnglishWhenAsked() {
    WebSession s = browser().login("tteacher", "pw");
    assertThat(s.get("/?lang=en").body()).contains("My tasks").doesNotContain("我的任务");
    assertThat(s.get("/").body()).contains("My tasks"); // remembered
    assertThat(s.get("/?lang=zh-CN").body()).contains("我的任务");
    assertThat(browser().get("/login", "Accept-Language", "en-GB,en;q=0.9").body()).contains("Log in");
    assertThat(browser().get("/login", "Accept-Language", "zh-CN,zh;q=0.9").body()).contains("登录");
  }

  @Test
  void aClassTeacherEnrolsAChildOfTheirClassOnly() {
    WebSession s = browser().login("tweb", "pw");
    s.get("/enrol");
    HttpResponse<String> empty = s.post("/enrol", Map.of("name", List.of(""), "classId", List.of(school.classC.getId().toString())));
    assertThat(empty.body()).contains("此项必填");
    HttpResponse<String> notMine = s.post("/enrol", Map.of("name", List.of("钱小红"), "classId", List.of(school.classB.getId().toString())));
    assertThat(notMine.body()).contains("请从列表中选择");
    HttpResponse<String> ok = s.post("/enrol", Map.of("name", List.of("钱小红"), "classId", List.of(school.classC.getId().toString())));
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(ok.headers().firstValue("Location").orElseThrow()).contains("/children/");
  }
}
