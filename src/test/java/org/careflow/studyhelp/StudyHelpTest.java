package org.careflow.studyhelp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.TaskService;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.child.CareCases;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Study help over real HTTP: the class teacher gives a subject teacher a child to help; the subject teacher then
 * sees exactly that child (the limited page, the study-help page, nothing through the engine's REST API), writes the
 * progress file and checks the effect, which the term review shows; the buddy is any classmate and shows on the
 * child's and the class's pages; bad input is refused in Chinese and English with nothing written.
 */
class StudyHelpTest extends CareflowTest {

  @Autowired CaseLifecycle lifecycle;
  @Autowired CareCases cases;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  final ObjectMapper json = new ObjectMapper();

  record Klass(SchoolClass c, String teacher, long[] children, long[] caseIds) {}

  /** A class of this test's own with its own class teacher and three children (cases opened, not yet registered). */
  private Klass klass(String base) {
    String teacher = school.newUser("sht", Roles.TEACHER);
    SchoolClass c = school.newClass("三", 3, teacher);
    long[] kids = new long[3];
    long[] caseIds = new long[3];
    for (int i = 0; i < 3; i++) {
      caseIds[i] = lifecycle.enrol(base + "甲乙丙".charAt(i) + TestSchool.next(), c.getId(), "tcoordinator").getId();
      kids[i] = cases.careCase(caseIds[i]).getChild().getId();
    }
    return new Klass(c, teacher, kids, caseIds);
  }

  private String name(long childId) {
    return jdbc.queryForObject("select name from cf_child where id = ?", String.class, childId);
  }

  private long plans(long childId) {
    return jdbc.queryForObject("select count(*) from cf_study_help where child_id = ?", Long.class, childId);
  }

  private HttpResponse<String> plan(WebSession s, long childId, String teacher, String subject) {
    s.get("/children/" + childId + "/study-help");
    return s.post("/children/" + childId + "/study-help", form("teacher", teacher, "subject", subject, "weeklyTime", "每周二课后",
        "content", "口算练习", "goal", "期末及格"));
  }

  @Test
  void aSubjectTeacherSeesExactlyTheChildrenTheyHelp() throws Exception {
    clockAt(LocalDateTime.of(2026, 10, 12, 10, 0));
    Klass k = klass("帮扶");
    String subject = school.newUser("subj", Roles.SUBJECT_TEACHER);
    WebSession teacher = browser().login(k.teacher(), "pw");
    assertThat(plan(teacher, k.children()[0], subject, "数学").statusCode()).isEqualTo(302);

    WebSession helper = browser().login(subject, "pw");
    HttpResponse<String> page = helper.get("/children/" + k.children()[0]);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(name(k.children()[0]), "数学", "每周二课后")
        .doesNotContain("帮扶档案", "class=\"archive\"", "亲情联系", "/children/" + k.children()[0] + "/family"); // no archive, no case, no family contact
    assertThat(helper.get("/children/" + k.children()[1]).statusCode()).isEqualTo(404);
    assertThat(helper.get("/children/" + k.children()[0] + "/family").statusCode()).isEqualTo(404);
    assertThat(helper.get("/children/" + k.children()[0] + "/study-help").statusCode()).isEqualTo(200);
    assertThat(helper.get("/children/" + k.children()[1] + "/study-help").statusCode()).isEqualTo(404);
    assertThat(helper.get("/study-help").body()).contains(name(k.children()[0])).doesNotContain(name(k.children()[1]), name(k.children()[2]));

    // the engine's REST API shows the helper no task and no case of any child
    for (String path : new String[] {"/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/process-instance",
        "/engine-rest/task?processInstanceBusinessKey=" + k.caseIds()[0]}) {
      HttpResponse<String> r = helper.basic(path, subject, "pw");
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(json.readTree(r.body()).size()).as(path).isZero();
    }
    JsonNode count = json.readTree(helper.basic("/engine-rest/task/count", subject, "pw").body());
    assertThat(count.path("count").asLong()).isZero();

    // the helper writes the progress file; a plan of a child they do not help answers 404
    long planId = jdbc.queryForObject("select id from cf_study_help where child_id = ?", Long.class, k.children()[0]);
    helper.get("/children/" + k.children()[0] + "/study-help");
    assertThat(helper.post("/study-help/" + planId + "/progress", form("date", "2026-10-10", "improved", "口算正确率提高到八成"))
        .statusCode()).isEqualTo(302);
    assertThat(helper.get("/children/" + k.children()[0] + "/study-help").body()).contains("口算正确率提高到八成");
    String otherTeacher = school.newUser("sho", Roles.SUBJECT_TEACHER);
    WebSession stranger = browser().login(otherTeacher, "pw");
    stranger.get("/study-help");
    assertThat(stranger.post("/study-help/" + planId + "/progress", form("date", "2026-10-10", "improved", "越权")).statusCode())
        .isEqualTo(404);
    assertThat(stranger.get("/children/" + k.children()[0]).statusCode()).isEqualTo(404);

    // the class teacher ends the plan: the helper no longer sees the child
    teacher.get("/children/" + k.children()[0] + "/study-help");
    assertThat(teacher.post("/study-help/" + planId + "/end", form()).statusCode()).isEqualTo(302);
    assertThat(helper.get("/children/" + k.children()[0]).statusCode()).isEqualTo(404);
    assertThat(helper.get("/study-help").body()).doesNotContain(name(k.children()[0]));
    // the reads were audited
    assertThat(jdbc.queryForObject("select count(*) from cf_audit where actor = ? and child_id = ? and action = 'READ_CHILD'",
        Long.class, subject, k.children()[0])).isPositive();
  }

  @Test
  void theBuddyIsAnyClassmateAndShowsOnTheChildsAndTheClasssPages() {
    clockAt(LocalDateTime.of(2026, 10, 13, 10, 0));
    Klass k = klass("伙伴");
    Klass other = klass("别班");
    WebSession teacher = browser().login(k.teacher(), "pw");
    long child = k.children()[0];
    teacher.get("/children/" + child + "/study-help");
    // a child of another class is refused, in Chinese, and nothing is written
    HttpResponse<String> refused = teacher.post("/children/" + child + "/study-buddy", form("buddy", Long.toString(other.children()[0])));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("请选择该生本班的同学");
    assertThat(jdbc.queryForObject("select count(*) from cf_study_buddy where child_id = ?", Long.class, child)).isZero();
    // any classmate: the third child, who is not paired with anyone
    assertThat(teacher.post("/children/" + child + "/study-buddy", form("buddy", Long.toString(k.children()[2]))).statusCode()).isEqualTo(302);
    String buddy = name(k.children()[2]);
    assertThat(teacher.get("/children/" + child).body()).contains("学习伙伴", buddy);
    assertThat(teacher.get("/classes/" + k.c().getId()).body()).contains(name(child), buddy);
    // the other class's teacher sees neither page
    WebSession otherTeacher = browser().login(other.teacher(), "pw");
    assertThat(otherTeacher.get("/children/" + child + "/study-help").statusCode()).isEqualTo(404);
    assertThat(otherTeacher.get("/classes/" + other.c().getId()).body()).doesNotContain(buddy);
  }

  @Test
  void badInputIsRefusedInBothLanguagesAndNothingIsWritten() {
    clockAt(LocalDateTime.of(2026, 10, 14, 10, 0));
    Klass k = klass("校验");
    long child = k.children()[1];
    String subject = school.newUser("subv", Roles.SUBJECT_TEACHER);
    WebSession teacher = browser().login(k.teacher(), "pw");
    teacher.get("/children/" + child + "/study-help");
    HttpResponse<String> zh = teacher.post("/children/" + child + "/study-help", form("teacher", subject, "subject", "", "weeklyTime",
        "每周二", "content", "练习", "goal", "x".repeat(501)));
    assertThat(zh.statusCode()).isEqualTo(422);
    assertThat(zh.body()).contains("此项必填", "最多");
    HttpResponse<String> notOfSchool = teacher.post("/children/" + child + "/study-help", form("teacher", "tteacher3", "subject", "数学",
        "weeklyTime", "每周二", "content", "练习", "goal", "及格"));
    assertThat(notOfSchool.statusCode()).isEqualTo(422);
    assertThat(notOfSchool.body()).contains("请选择本校的教师");

    teacher.get("/children/" + child + "/study-help?lang=en");
    HttpResponse<String> en = teacher.post("/children/" + child + "/study-help", form("teacher", subject, "subject", "", "weeklyTime",
        "每周二", "content", "练习", "goal", "及格"));
    assertThat(en.statusCode()).isEqualTo(422);
    assertThat(en.body()).contains("Required.");
    assertThat(plans(child)).isZero();

    // a progress entry dated in the future, and an effect that is not an option
    assertThat(plan(teacher, child, subject, "语文").statusCode()).isEqualTo(302);
    long planId = jdbc.queryForObject("select id from cf_study_help where child_id = ?", Long.class, child);
    HttpResponse<String> future = teacher.post("/study-help/" + planId + "/progress", form("date", "2026-10-20", "improved", "进步"));
    assertThat(future.statusCode()).isEqualTo(422);
    assertThat(future.body()).contains("The date cannot be later than today.");
    HttpResponse<String> effect = teacher.post("/study-help/" + planId + "/effect", form("effect", "GREAT"));
    assertThat(effect.statusCode()).isEqualTo(422);
    assertThat(effect.body()).contains("Choose one of the options.");
    assertThat(jdbc.queryForObject("select count(*) from cf_study_progress where plan_id = ?", Long.class, planId)).isZero();
    assertThat(jdbc.queryForObject("select effect from cf_study_help where id = ?", String.class, planId)).isNull();
  }

  @Test
  void theTermReviewShowsThePlansEffectAndRatesTheBuddy() {
    clockAt(LocalDateTime.of(2026, 9, 8, 9, 0));
    String teacherId = school.newUser("shr", Roles.TEACHER);
    SchoolClass c = school.newClass("四", 4, teacherId);
    long caseId = school.caseInCare(c, TestSchool.as(teacherId, Roles.TEACHER), "tmentor2", "SH");
    long child = cases.careCase(caseId).getChild().getId();
    long classmate = cases.careCase(lifecycle.enrol("同桌" + TestSchool.next(), c.getId(), "tcoordinator").getId()).getChild().getId();
    String subject = school.newUser("subr", Roles.SUBJECT_TEACHER);

    clockAt(LocalDateTime.of(2026, 12, 20, 10, 0));
    WebSession teacher = browser().login(teacherId, "pw");
    assertThat(plan(teacher, child, subject, "英语").statusCode()).isEqualTo(302);
    assertThat(teacher.post("/children/" + child + "/study-buddy", form("buddy", Long.toString(classmate))).statusCode()).isEqualTo(302);
    long planId = jdbc.queryForObject("select id from cf_study_help where child_id = ?", Long.class, child);
    WebSession helper = browser().login(subject, "pw");
    helper.get("/children/" + child + "/study-help");
    assertThat(helper.post("/study-help/" + planId + "/progress", form("date", "2026-12-19", "improved", "单词听写全对")).statusCode())
        .isEqualTo(302);
    assertThat(helper.post("/study-help/" + planId + "/effect", form("effect", "CLEAR", "note", "听写进步大")).statusCode()).isEqualTo(302);

    school.fireTimersDueBy(LocalDateTime.of(2027, 1, 21, 8, 0));
    String review = school.task(caseId, "termReview").getId();
    String page = teacher.get("/tasks/" + review).body();
    assertThat(page).contains("本学期学习帮扶", "英语", "明显进步", "听写进步大", "进步档案1条", name(classmate), "评价学习伙伴的帮扶效果");
    long buddyId = jdbc.queryForObject("select id from cf_study_buddy where child_id = ?", Long.class, child);
    HttpResponse<String> rated = teacher.post("/study-buddies/" + buddyId + "/effect",
        form("effect", "SOME", "note", "同桌互助有效", "back", "/tasks/" + review));
    assertThat(rated.statusCode()).isEqualTo(302);
    assertThat(rated.headers().firstValue("Location").orElse("")).contains("/tasks/" + review);
    assertThat(teacher.get("/tasks/" + review).body()).contains("有所进步");
    // the helper sees no term review
    assertThat(helper.get("/tasks/" + review).statusCode()).isIn(403, 404);
  }
}
