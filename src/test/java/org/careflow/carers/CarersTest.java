package org.careflow.carers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.child.CareCases;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.family.ParentContact;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The carers who are not teachers over real HTTP: the register (phone numbers for the school's class teachers and
 * coordinators only), a visit recorded by the class teacher that shows on the child's page and counts as family
 * contact, the monthly follow-up task with the clock moved, and bad input refused in both languages.
 */
class CarersTest extends CareflowTest {

  @Autowired CaseLifecycle lifecycle;
  @Autowired CareCases cases;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ParentContact contact;

  private long carerNamed(String name) {
    return jdbc.queryForObject("select id from cf_carer where name = ?", Long.class, name);
  }

  private long register(WebSession s, String name, String phone) {
    s.get("/carers");
    HttpResponse<String> r = s.post("/carers", form("name", name, "phone", phone, "role", "PROXY_PARENT", "background", "FIVE_ELDERS",
        "note", "退休教师"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    return carerNamed(name);
  }

  @Test
  void aCarersVisitShowsOnTheChildsPageAndCountsAsFamilyContact() {
    clockAt(LocalDateTime.of(2026, 9, 2, 9, 0));
    String teacherId = school.newUser("crt", Roles.TEACHER);
    SchoolClass c = school.newClass("五", 5, teacherId);
    long caseId = lifecycle.enrol("代理" + TestSchool.next(), c.getId(), "tcoordinator").getId();
    long child = cases.careCase(caseId).getChild().getId();

    clockAt(LocalDateTime.of(2026, 10, 21, 10, 0));
    assertThat(contact.weeksWithoutContact(child)).isEqualTo(7);
    String name = "五老" + TestSchool.next();
    WebSession coordinator = browser().login("tcoordinator", "pw");
    long carer = register(coordinator, name, "13912345678");
    WebSession teacher = browser().login(teacherId, "pw");
    teacher.get("/carers/" + carer);
    assertThat(teacher.post("/carers/" + carer + "/children", form("child", Long.toString(child))).statusCode()).isEqualTo(302);

    teacher.get("/children/" + child);
    HttpResponse<String> recorded = teacher.post("/children/" + child + "/carer-contacts", form("carer", Long.toString(carer),
        "date", "2026-10-20", "kind", "VISIT", "notes", "上门辅导作业"));
    assertThat(recorded.statusCode()).isEqualTo(302);
    String page = teacher.get("/children/" + child).body();
    assertThat(page).contains(name, "代理家长", "五老", "13912345678", "上门辅导作业", "看望");
    assertThat(contact.weeksWithoutContact(child)).isZero();

    // the register: the class teacher and the coordinator see the phone, the principal the carer without it,
    // a subject teacher of the school nothing
    assertThat(teacher.get("/carers").body()).contains(name, "13912345678");
    assertThat(browser().login("tsupervisor", "pw").get("/carers").body()).contains(name).doesNotContain("13912345678");
    String subject = school.newUser("crs", Roles.SUBJECT_TEACHER);
    WebSession stranger = browser().login(subject, "pw");
    assertThat(stranger.get("/carers").body()).doesNotContain(name);
    assertThat(stranger.get("/carers/" + carer).statusCode()).isEqualTo(404);
    // another class's teacher cannot record for this child
    WebSession other = browser().login("tteacher2", "pw");
    other.get("/carers");
    assertThat(other.post("/children/" + child + "/carer-contacts", form("carer", Long.toString(carer), "date", "2026-10-20",
        "kind", "CALL")).statusCode()).isEqualTo(404);
    assertThat(jdbc.queryForObject("select count(*) from cf_carer_contact where carer_id = ?", Long.class, carer)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from cf_audit where actor = ? and child_id = ? and action = 'READ_CHILD'",
        Long.class, teacherId, child)).isPositive();
  }

  @Test
  void eachCarerGetsAMonthlyReminderForTheClassTeacher() {
    clockAt(LocalDateTime.of(2026, 10, 12, 10, 0));
    String teacherId = school.newUser("crm", Roles.TEACHER);
    SchoolClass c = school.newClass("六", 6, teacherId);
    long child = cases.careCase(lifecycle.enrol("回访" + TestSchool.next(), c.getId(), "tcoordinator").getId()).getChild().getId();
    WebSession teacher = browser().login(teacherId, "pw");
    String name = "爱心妈妈" + TestSchool.next();
    teacher.get("/carers");
    assertThat(teacher.post("/carers", form("name", name, "phone", "0731-84561234", "role", "LOVING_MOTHER",
        "background", "WOMENS_FEDERATION")).statusCode()).isEqualTo(302);
    long carer = carerNamed(name);
    String idle = "志愿者" + TestSchool.next();
    long idleCarer = register(browser().login("tcoordinator", "pw"), idle, "13800001111");
    teacher.get("/carers/" + carer);
    assertThat(teacher.post("/carers/" + carer + "/children", form("child", Long.toString(child))).statusCode()).isEqualTo(302);
    String key = "carer-" + carer;
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("carer-follow-up").processInstanceBusinessKey(key).count())
        .isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).count()).isZero();

    school.fireTimersDueBy(LocalDateTime.of(2026, 11, 1, 8, 0));
    Task ask = tasks.createTaskQuery().processDefinitionKey("carer-follow-up").processInstanceBusinessKey(key).singleResult();
    assertThat(ask).isNotNull();
    assertThat(ask.getTaskDefinitionKey()).isEqualTo("askCarer");
    assertThat(ask.getDueDate()).isEqualTo(TestSchool.endOfDay(java.time.LocalDate.of(2026, 11, 8)));
    List<IdentityLink> links = tasks.getIdentityLinksForTask(ask.getId());
    assertThat(links).extracting(IdentityLink::getGroupId).contains(Roles.classGroup(c.getId()));
    // a carer who looks after no child is not asked
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("carer-" + idleCarer).count()).isZero();
    // the class teacher sees it in the inbox and answers it through the task page
    assertThat(teacher.get("/").body()).contains(name);
    teacher.get("/tasks/" + ask.getId());
    assertThat(teacher.post("/tasks/" + ask.getId(), form("askedOn", "2026-11-01", "channel", "PHONE", "howItWent", "每周看望两次，孩子开朗多了"))
        .statusCode()).isEqualTo(302);
    assertThat(jdbc.queryForObject("select how_it_went from cf_carer_follow_up where carer_id = ?", String.class, carer))
        .isEqualTo("每周看望两次，孩子开朗多了");
    assertThat(teacher.get("/carers/" + carer).body()).contains("每周看望两次，孩子开朗多了");
    // and next month again
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).count()).isZero();
    school.fireTimersDueBy(LocalDateTime.of(2026, 12, 1, 8, 0));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).count()).isEqualTo(1);
    // a carer who stops is not asked any more
    teacher.get("/carers/" + carer);
    assertThat(teacher.post("/carers/" + carer + "/active", form("active", "false")).statusCode()).isEqualTo(302);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
  }

  @Test
  void badInputIsRefusedInBothLanguagesAndNothingIsWritten() {
    clockAt(LocalDateTime.of(2026, 10, 15, 10, 0));
    String name = "错号" + TestSchool.next();
    WebSession coordinator = browser().login("tcoordinator", "pw");
    coordinator.get("/carers");
    HttpResponse<String> zh = coordinator.post("/carers", form("name", name, "phone", "12345", "role", "UNCLE", "background", "OTHER"));
    assertThat(zh.statusCode()).isEqualTo(422);
    assertThat(zh.body()).contains("请填写正确的手机号", "请从列表中选择");
    coordinator.get("/carers?lang=en");
    HttpResponse<String> en = coordinator.post("/carers", form("name", name + "<b>", "phone", "13912345678", "role", "VOLUNTEER",
        "background", "OTHER"));
    assertThat(en.statusCode()).isEqualTo(422);
    assertThat(en.body()).contains("A name cannot contain markup");
    assertThat(jdbc.queryForObject("select count(*) from cf_carer where name like ?", Long.class, name + "%")).isZero();
  }
}
