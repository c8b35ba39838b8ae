package org.careflow.counselling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.COUNSELLOR;
import static org.careflow.TestSchool.TEACHER;
import static org.careflow.TestSchool.form;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.child.CareCases;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counselling: the counsellor's record is the counsellor's, the class teacher reads only the summary the
 * counsellor shared; referrals from the child's page and from a talk card are tasks for the school's
 * counsellors, and for the class teacher and the coordinators where the school has none.
 */
class CounsellingPageTest extends CareflowTest {

  @Autowired CareCases cases;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  private long childOf(long caseId) {
    return cases.careCase(caseId).getChild().getId();
  }

  private List<Task> referralTasks(long childId) {
    List<Long> ids = jdbc.queryForList("select id from cf_counselling_referral where child_id = ?", Long.class, childId);
    return ids.stream().flatMap(id -> tasks.createTaskQuery().processInstanceBusinessKey("referral-" + id).list().stream()).toList();
  }

  @Test
  void theClassTeacherReadsOnlyTheSummaryTheCounsellorShared() {
    long childId = childOf(school.caseInCare());
    String secret = TestSchool.nextName("只给心理老师看的内容");
    String summary = TestSchool.nextName("可以分享的摘要");
    WebSession counsellor = browser().login("tcounsellor", "pw");
    counsellor.get("/children/" + childId + "/counselling");
    HttpResponse<String> saved = counsellor.post("/children/" + childId + "/counselling/sessions", Map.of(
        "date", List.of(LocalDate.now(TestSchool.ZONE).toString()), "reason", List.of("情绪低落"), "whatWasDone", List.of(secret),
        "followUp", List.of("两周后再谈"), "sharedSummary", List.of(summary)));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(counsellor.get("/children/" + childId + "/counselling").body()).contains(secret, summary);
    assertThat(counsellor.get("/counselling").body()).contains("情绪低落");

    WebSession teacher = browser().login("tteacher", "pw");
    HttpResponse<String> page = teacher.get("/children/" + childId + "/counselling");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(summary).doesNotContain(secret, "两周后再谈");
    assertThat(teacher.get("/children/" + childId).body()).contains(summary).doesNotContain(secret);
    assertThat(teacher.get("/counselling").statusCode()).as("the counsellor's list is the counsellor's").isEqualTo(403);
    // the class teacher writes no counselling record where the school has a counsellor
    teacher.get("/children/" + childId + "/counselling");
    assertThat(teacher.post("/children/" + childId + "/counselling/sessions", Map.of("date", List.of("2026-11-02"),
        "reason", List.of("x"), "whatWasDone", List.of("y"))).statusCode()).isIn(403, 404);
    assertThat(jdbc.queryForObject("select count(*) from cf_audit where child_id = ? and action = 'READ_CHILD' and detail like 'counselling%'",
        Integer.class, childId)).as("reads are audited").isGreaterThanOrEqualTo(2);
  }

  @Test
  void aReferralFromTheChildsPageIsATaskForTheSchoolsCounsellorsWhoRecordTheSession() {
    long caseId = school.caseInCare();
    long childId = childOf(caseId);
    WebSession teacher = browser().login("tteacher", "pw");
    teacher.get("/children/" + childId + "/counselling");
    assertThat(teacher.post("/children/" + childId + "/counselling/referrals", Map.of("reason", List.of("最近常哭"))).statusCode()).isEqualTo(302);
    Task t = referralTasks(childId).get(0);
    List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    assertThat(groups).containsExactly(Roles.schoolRoleGroup(school.classA.getSchool().getId(), Roles.COUNSELLOR));
    school.completeTask(t.getId(), COUNSELLOR, form("sessionDate", LocalDate.now(TestSchool.ZONE).toString(), "reason", "最近常哭",
        "whatWasDone", "沙盘游戏，倾听", "sharedSummary", "情绪有好转"));
    assertThat(jdbc.queryForObject("select count(*) from cf_counselling_session where child_id = ? and counsellor = 'tcounsellor'",
        Integer.class, childId)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from cf_counselling_referral where child_id = ? and handled_at is not null",
        Integer.class, childId)).isEqualTo(1);
  }

  @Autowired org.careflow.privacy.ChildFile childFile;

  @Test
  void theSessionsGoWithTheChildsFileAndAreAnonymisedWithIt() {
    long childId = childOf(school.caseInCare());
    String secret = TestSchool.nextName("辅导内容");
    WebSession counsellor = browser().login("tcounsellor", "pw");
    counsellor.get("/children/" + childId + "/counselling");
    counsellor.post("/children/" + childId + "/counselling/sessions", Map.of("date", List.of(LocalDate.now(TestSchool.ZONE).toString()),
        "reason", List.of("考试焦虑"), "whatWasDone", List.of(secret), "sharedSummary", List.of("已辅导")));
    assertThat(childFile.export(childId, "tadmin").toString()).contains(secret);
    childFile.anonymise(childId);
    assertThat(jdbc.queryForObject("select what_was_done from cf_counselling_session where child_id = ?", String.class, childId)).isEqualTo("-");
    assertThat(jdbc.queryForObject("select count(*) from cf_counselling_session where child_id = ? and shared_summary is not null",
        Integer.class, childId)).isZero();
  }

  @Test
  void aTalkCardCanReferTheChild() {
    long caseId = school.caseInCare();
    school.complete(caseId, "monthlyTalk", TEACHER, form("talkDate", LocalDate.now(TestSchool.ZONE).toString(), "topics", "emotions",
        "mood", "LOW", "concerns", "不愿说话", "referToCounsellor", "true"));
    assertThat(referralTasks(childOf(caseId))).hasSize(1);
    assertThat(jdbc.queryForObject("select reason from cf_counselling_referral where child_id = ?", String.class, childOf(caseId)))
        .isEqualTo("不愿说话");
  }

  @Test
  void withoutACounsellorTheClassTeacherAndTheCoordinatorsTakeTheReferral() {
    SchoolClass[] c = {school.classInOwnSchool("无心理老师小学", "三年级(" + TestSchool.next() + ")班", 3, "tteacher")};
    long childId = childOf(school.registeredCase(c[0], TEACHER, "C"));
    WebSession teacher = browser().login("tteacher", "pw");
    assertThat(teacher.get("/children/" + childId + "/counselling").body()).contains("form");
    assertThat(teacher.post("/children/" + childId + "/counselling/referrals", Map.of("reason", List.of("打架"))).statusCode()).isEqualTo(302);
    Task t = referralTasks(childId).get(0);
    List<IdentityLink> links = tasks.getIdentityLinksForTask(t.getId());
    assertThat(links).extracting(IdentityLink::getUserId).contains("tteacher");
    assertThat(links).extracting(IdentityLink::getGroupId).contains(Roles.schoolRoleGroup(c[0].getSchool().getId(), Roles.COORDINATOR))
        .doesNotContain(Roles.schoolRoleGroup(c[0].getSchool().getId(), Roles.COUNSELLOR));
    // and the class teacher may keep the record there
    teacher.get("/children/" + childId + "/counselling");
    assertThat(teacher.post("/children/" + childId + "/counselling/sessions", Map.of("date", List.of(LocalDate.now(TestSchool.ZONE).toString()),
        "reason", List.of("打架"), "whatWasDone", List.of("谈话"))).statusCode()).isEqualTo(302);
  }
}
