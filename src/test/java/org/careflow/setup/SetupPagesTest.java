package org.careflow.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.TeacherRepository;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A coordinator keeps the school up to date in the pages: class teachers, a colleague who left, the calendar. */
class SetupPagesTest extends CareflowTest {

  @Autowired SchoolSetup setup;
  @Autowired SchoolClassRepository classes;
  @Autowired org.careflow.school.SchoolRepository schools;
  @Autowired TeacherRepository teachers;
  @Autowired TermRepository terms;
  @Autowired CaseLifecycle lifecycle;
  @Autowired CareCases cases;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  /** A school set up by the workbook, its term around today. */
  record Made(String p, long schoolId, SchoolClass schoolClass, Map<String, String> passwords) {}

  Made school() throws IOException {
    String p = SetupWorkbookTest.unique();
    Map<String, List<Object[]>> s = new LinkedHashMap<>();
    LocalDate today = LocalDate.now(TestSchool.ZONE);
    s.put("学校", List.<Object[]>of(new Object[] {p + "小学", p + "镇"}));
    s.put("校历", List.<Object[]>of(new Object[] {p + "本学期", "学期", today.minusDays(30), today.plusDays(90)}));
    s.put("班级", List.<Object[]>of(new Object[] {p + "小学", "五年级(1)班", 5, p + "t1"}));
    s.put("教职工", List.of(new Object[] {p + "c1", "赵主任", null, p + "小学", "德育处"},
        new Object[] {p + "t1", "钱老师", null, p + "小学", "班主任、帮扶教师"},
        new Object[] {p + "t2", "孙老师", null, p + "小学", "任课教师", 2}));
    SchoolSetup.Result r = setup.apply(SetupWorkbookTest.workbook(s), "tadmin");
    Map<String, String> pw = new LinkedHashMap<>();
    r.accounts().forEach(a -> pw.put(a.username(), a.password()));
    long schoolId = schools.findByName(p + "小学").orElseThrow().getId();
    SchoolClass c = classes.findBySchoolIdAndName(schoolId, "五年级(1)班").orElseThrow();
    return new Made(p, schoolId, c, pw);
  }

  /** Signs in with the initial password and chooses an own one, as at a first login. */
  WebSession signIn(String user, String initial) {
    WebSession web = browser().login(user, initial);
    web.get("/account/password");
    HttpResponse<String> r = web.post("/account/password", Map.of("current", List.of(initial), "password", List.of("Eigenes-Pw-1"),
        "repeat", List.of("Eigenes-Pw-1")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    return web;
  }

  List<Task> openTasksOf(String user) {
    return tasks.createTaskQuery().taskAssignee(user).list();
  }

  @Test
  void aNewClassTeacherGetsTheClassAndItsOpenTasksWithANote() throws IOException {
    Made m = school();
    CareCase c = lifecycle.enrol("测试儿童甲", m.schoolClass().getId(), m.p() + "c1");
    // the child's archive and, the class's first case, the term's guardian meeting
    assertThat(openTasksOf(m.p() + "t1")).extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder("registerChild", "planMeeting");
    WebSession web = signIn(m.p() + "c1", m.passwords().get(m.p() + "c1"));
    assertThat(web.get("/setup/classes").body()).contains("五年级(1)班");
    HttpResponse<String> r = web.post("/setup/classes/" + m.schoolClass().getId() + "/teacher",
        Map.of("school", List.of(Long.toString(m.schoolId())), "classTeacher", List.of(m.p() + "t2")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElse("")).contains("moved=2");

    assertThat(openTasksOf(m.p() + "t1")).isEmpty();
    List<Task> moved = openTasksOf(m.p() + "t2");
    assertThat(moved).extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder("registerChild", "planMeeting");
    for (Task t : moved) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_task_comment WHERE task_id = ? AND handed_to = ?", Long.class,
          t.getId(), m.p() + "t2")).isEqualTo(1);
    }
    assertThat(classes.findById(m.schoolClass().getId()).orElseThrow().getClassTeacher()).isEqualTo(m.p() + "t2");
    assertThat(identity.createUserQuery().memberOfGroup("class-" + m.schoolClass().getId()).list())
        .extracting(u -> u.getId()).containsExactly(m.p() + "t2");
    assertThat(identity.createUserQuery().userId(m.p() + "t2").memberOfGroup("teacher").count()).isEqualTo(1);
    assertThat(cases.careCase(c.getId()).isOpen()).isTrue();

    // another school's coordinator cannot touch this class
    HttpResponse<String> other = browser().login("tcoordinator", "pw").get("/setup/classes?school=" + m.schoolId());
    assertThat(other.statusCode()).isEqualTo(404);
    // a class teacher has no set-up pages
    assertThat(browser().login("tteacher", "pw").get("/setup/classes").statusCode()).isEqualTo(403);
  }

  @Test
  void someoneWhoLeftHandsTheirClassMenteesAndTasksToTheColleagueChosen() throws IOException {
    Made m = school();
    String leaver = m.p() + "t1";
    String colleague = m.p() + "t2";
    CareCase c = lifecycle.enrol("测试儿童乙", m.schoolClass().getId(), m.p() + "c1");
    cases.pair(c.getId(), leaver, null);
    WebSession web = signIn(m.p() + "c1", m.passwords().get(m.p() + "c1"));
    web.get("/setup/staff");
    HttpResponse<String> refused = web.post("/setup/staff/" + leaver + "/leave", Map.of("school", List.of(Long.toString(m.schoolId()))));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(teachers.findByUsername(leaver).orElseThrow().isActive()).isTrue();

    HttpResponse<String> r = web.post("/setup/staff/" + leaver + "/leave",
        Map.of("school", List.of(Long.toString(m.schoolId())), "successor", List.of(colleague)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElse("")).contains("classes=1", "mentees=1", "tasks=0");
    assertThat(openTasksOf(leaver)).isEmpty();
    assertThat(openTasksOf(colleague)).extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder("registerChild", "planMeeting");
    assertThat(cases.careCase(c.getId()).getMentor()).isEqualTo(colleague);
    assertThat(classes.findById(m.schoolClass().getId()).orElseThrow().getClassTeacher()).isEqualTo(colleague);
    assertThat(teachers.findByUsername(leaver).orElseThrow().isActive()).isFalse();
    assertThat(identity.createGroupQuery().groupMember(leaver).count()).isZero();
    assertThat(browser().basic("/engine-rest/task/count", leaver, m.passwords().get(leaver)).statusCode()).isEqualTo(401);
  }

  @Test
  void aTermWithRunningCasesCannotBeDeletedAndNextYearsTermsCanBeAdded() throws IOException {
    Made m = school();
    lifecycle.enrol("测试儿童丙", m.schoolClass().getId(), m.p() + "c1");
    Term current = terms.findBySchoolIdOrderByStartDate(m.schoolId()).get(0);
    WebSession web = signIn(m.p() + "c1", m.passwords().get(m.p() + "c1"));
    web.get("/setup/calendar");
    HttpResponse<String> refused = web.post("/setup/calendar/terms/" + current.getId() + "/delete",
        Map.of("school", List.of(Long.toString(m.schoolId()))));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("不能删除该学期");
    assertThat(terms.findById(current.getId())).isPresent();

    // the week by which the classes' guardian meetings are planned: the 6th, not a week the term does not have
    HttpResponse<String> week = web.post("/setup/calendar/terms/" + current.getId() + "/meeting-week",
        Map.of("school", List.of(Long.toString(m.schoolId())), "meetingWeek", List.of("6")));
    assertThat(week.statusCode()).as(week.body()).isEqualTo(302);
    assertThat(terms.findById(current.getId()).orElseThrow().getMeetingWeek()).isEqualTo(6);
    HttpResponse<String> tooLate = web.post("/setup/calendar/terms/" + current.getId() + "/meeting-week",
        Map.of("school", List.of(Long.toString(m.schoolId())), "meetingWeek", List.of("99")));
    assertThat(tooLate.statusCode()).isEqualTo(422);
    assertThat(tooLate.body()).contains("请选择本学期的第1至");
    assertThat(terms.findById(current.getId()).orElseThrow().getMeetingWeek()).isEqualTo(6);

    LocalDate next = current.getEndDate().plusDays(30);
    HttpResponse<String> added = web.post("/setup/calendar", Map.of("school", List.of(Long.toString(m.schoolId())),
        "kind", List.of("TERM"), "name", List.of(m.p() + "下学期"), "start", List.of(next.toString()),
        "end", List.of(next.plusDays(120).toString())));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
    HttpResponse<String> overlapping = web.post("/setup/calendar", Map.of("school", List.of(Long.toString(m.schoolId())),
        "kind", List.of("TERM"), "name", List.of(m.p() + "重叠"), "start", List.of(next.plusDays(10).toString()),
        "end", List.of(next.plusDays(20).toString())));
    assertThat(overlapping.statusCode()).isEqualTo(422);
    web.post("/setup/calendar", Map.of("school", List.of(Long.toString(m.schoolId())), "kind", List.of("HOLIDAY"),
        "name", List.of("寒假"), "start", List.of(current.getEndDate().plusDays(1).toString()), "end", List.of(next.minusDays(1).toString())));
    assertThat(web.get("/setup/calendar").body()).contains(m.p() + "下学期", "寒假");
    Term nextTerm = terms.findBySchoolIdAndName(m.schoolId(), m.p() + "下学期").orElseThrow();
    HttpResponse<String> deleted = web.post("/setup/calendar/terms/" + nextTerm.getId() + "/delete",
        Map.of("school", List.of(Long.toString(m.schoolId()))));
    assertThat(deleted.statusCode()).isEqualTo(302);
    assertThat(terms.findById(nextTerm.getId())).isEmpty();
  }

  @Test
  void aCoordinatorAddsStaffWithAnInitialPasswordAndResetsOne() throws IOException {
    Made m = school();
    WebSession web = signIn(m.p() + "c1", m.passwords().get(m.p() + "c1"));
    web.get("/setup/staff");
    HttpResponse<String> added = web.post("/setup/staff", Map.of("school", List.of(Long.toString(m.schoolId())),
        "username", List.of(m.p() + "n1"), "name", List.of("李新"), "roles", List.of("mentor", "subject-teacher"),
        "maxMentees", List.of("4")));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    String password = added.body().replaceAll("(?s).*id=\"new-password\".*?<code>([^<]+)</code>.*", "$1");
    assertThat(password).hasSize(10);
    assertThat(browser().basic("/engine-rest/task/count", m.p() + "n1", password).statusCode()).isEqualTo(200);
    assertThat(teachers.findByUsername(m.p() + "n1").orElseThrow().getMaxMentees()).isEqualTo(4);

    HttpResponse<String> reset = web.post("/setup/staff/" + m.p() + "n1/password", Map.of("school", List.of(Long.toString(m.schoolId()))));
    String second = reset.body().replaceAll("(?s).*id=\"new-password\".*?<code>([^<]+)</code>.*", "$1");
    assertThat(second).hasSize(10).isNotEqualTo(password);
    WebSession newcomer = browser().login(m.p() + "n1", second);
    assertThat(newcomer.get("/").headers().firstValue("Location").orElse("")).endsWith("/account/password");
  }
}
