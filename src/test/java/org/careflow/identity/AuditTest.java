package org.careflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.COORDINATOR;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.child.CareCases;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.inbox.TaskWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every read and change of a child's data leaves an entry supervisors can read; a task done twice is refused clearly. */
class AuditTest extends CareflowTest {

  @Autowired CaseLifecycle lifecycle;
  @Autowired CareCases cases;
  @Autowired JdbcTemplate jdbc;

  static final TaskWork.Worker WEB = TestSchool.as("tweb", "teacher");

  private long caseInCare() {
    clockAt(LocalDateTime.of(2026, 11, 2, 9, 0));
    long caseId = school.caseInCare(school.classC, WEB, "tmentor", "AUD");
    clockAt(LocalDateTime.of(2026, 12, 3, 10, 0));
    return caseId;
  }

  @Test
  void readsAndChangesAreAuditedAndOnlySupervisorsReadTheTrail() {
    long caseId = caseInCare();
    long childId = cases.careCase(caseId).getChild().getId();
    WebSession teacher = browser().login("tweb", "pw");
    assertThat(teacher.get("/children/" + childId).statusCode()).isEqualTo(200);

    WebSession api = browser();
    HttpResponse<String> trail = api.basic("/api/audit?child=" + childId + "&limit=50", "tsupervisor", "pw");
    assertThat(trail.statusCode()).isEqualTo(200);
    assertThat(trail.body()).contains("\"actor\":\"tweb\"", "\"action\":\"READ_CHILD\"", "\"action\":\"UPDATE_ARCHIVE\"",
        "\"action\":\"ENROL\"", "\"action\":\"RECORD\"", "\"at\":", "registerChild", "guardianPhone");
    assertThat(trail.body()).doesNotContain("18712345678"); // what changed, not the values
    assertThat(api.basic("/api/audit?actor=tweb&limit=5", "tsupervisor", "pw").body()).contains("\"actor\":\"tweb\"").doesNotContain("\"actor\":\"tcoordinator\"");
    assertThat(api.basic("/api/audit", "tweb", "pw").statusCode()).isEqualTo(403);
    assertThat(teacher.get("/audit").statusCode()).isEqualTo(403);
    WebSession supervisor = browser().login("tsupervisor", "pw");
    String page = supervisor.get("/audit?child=" + childId).body();
    assertThat(page).contains("查看", "修改档案", "网页测试班主任");
    // the detail column in words, not the application's own ("child page", a task's or a field's key)
    assertThat(page).contains("儿童页面", "监护人电话").doesNotContain("child page", "registerChild", "guardianPhone");
    String english = supervisor.get("/audit?child=" + childId + "&lang=en").body();
    assertThat(english).contains("Child&#39;s page").doesNotContain("child page", "registerChild", "guardianPhone");
  }

  @Test
  void theSecondTeacherToCompleteATaskIsToldItIsDoneAndNothingIsWritten() {
    long caseId = caseInCare();
    Task talk = school.task(caseId, "monthlyTalk");
    WebSession first = browser().login("tweb", "pw");
    WebSession second = browser().login("tweb", "pw"); // the same teacher on a second device
    first.get("/tasks/" + talk.getId());
    second.get("/tasks/" + talk.getId());
    Map<String, List<String>> card = Map.of("talkDate", List.of("2026-12-02"), "topics", List.of("study"), "mood", List.of("CALM"));
    assertThat(first.post("/tasks/" + talk.getId(), card).statusCode()).isEqualTo(302);
    HttpResponse<String> late = second.post("/tasks/" + talk.getId(), card);
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("此任务已由网页测试班主任于", "办理完毕").doesNotContain("Exception");
    assertThat(jdbc.queryForObject("select count(*) from cf_monthly_talk where case_id = ?", Integer.class, caseId)).isEqualTo(1);
  }
}
