package org.careflow.myclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.child.CareCases;
import org.careflow.family.FamilyCalls;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** "My class": one line per child in care of the teacher's classes, what a teacher checks at a glance, nobody else's. */
class MyClassTest extends CareflowTest {

  @Autowired CareCases cases;
  @Autowired FamilyCalls calls;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aClassTeacherSeesEachChildOfTheirClassWithTalkParentsTasksAndLevelAndNothingOfOtherClasses() {
    String teacher = school.newUser("tmine", Roles.TEACHER);
    String other = school.newUser("tmineo", Roles.TEACHER);
    SchoolClass own = school.newClass("三", 3, teacher);
    SchoolClass others = school.newClass("三", 3, other);
    clockAt(LocalDateTime.of(2026, 11, 2, 9, 0));
    TestSchool.clockAt(LocalDateTime.of(2026, 11, 2, 9, 0));
    long talked = school.caseInCare(own, TestSchool.as(teacher, Roles.TEACHER), "tmentor", "MA");
    long waiting = school.caseInCare(own, TestSchool.as(teacher, Roles.TEACHER), "tmentor", "MB");
    long foreign = school.caseInCare(others, TestSchool.as(other, Roles.TEACHER), "tmentor", "MC");
    clockAt(LocalDateTime.of(2026, 11, 10, 16, 0));
    school.complete(talked, "monthlyTalk", TestSchool.as(teacher, Roles.TEACHER),
        form("talkDate", "2026-11-10", "topics", "study", "mood", "CALM"));
    long talkedChild = childOf(talked);
    calls.log(talkedChild, new CurrentUser(teacher, List.of(Roles.TEACHER)),
        new FamilyCalls.Entry(LocalDate.of(2026, 11, 7), "PHONE", "MOTHER", "10", true, null));
    long waitingChild = childOf(waiting);
    long foreignChild = childOf(foreign);
    int auditBefore = jdbc.queryForObject("SELECT COUNT(*) FROM cf_audit WHERE actor = ? AND detail = 'my class'", Integer.class, teacher);

    WebSession s = browser().login(teacher, "pw");
    String page = s.get("/classes/mine").body();
    assertThat(page).contains(own.getName(), "/children/" + talkedChild + "\"", "/children/" + waitingChild + "\"")
        .doesNotContain(others.getName(), "/children/" + foreignChild + "\"");
    String talkedLine = line(page, talkedChild);
    assertThat(talkedLine).contains("本月已谈心", "3天前联系上父母", "一般关注");
    String waitingLine = line(page, waitingChild);
    assertThat(waitingLine).contains("本月谈心 2026年11月30日 到期", "尚未联系上父母", "每月谈心（11月）", "待办")
        .contains("/tasks/" + school.task(waiting, "monthlyTalk").getId());
    assertThat(page).contains("href=\"/classes/mine\">我的班级</a>"); // first in the navigation
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_audit WHERE actor = ? AND detail = 'my class'", Integer.class, teacher))
        .isEqualTo(auditBefore + 2);
  }

  @Test
  void signInLandsSupervisorsOnTheDashboardAndTeachersWithoutTasksOnTheirClass() {
    String idle = school.newUser("tidle", Roles.TEACHER);
    school.newClass("二", 2, idle);
    WebSession t = browser().login(idle, "pw");
    assertThat(t.get("/start").headers().firstValue("Location").orElseThrow()).endsWith("/classes/mine");
    String boss = school.newUser("tboss", Roles.SUPERVISOR);
    WebSession b = browser().login(boss, "pw");
    assertThat(b.get("/start").headers().firstValue("Location").orElseThrow()).endsWith("/oversight");
  }

  private long childOf(long caseId) {
    return jdbc.queryForObject("SELECT child_id FROM cf_case WHERE id = ?", Long.class, caseId);
  }

  private static String line(String page, long childId) {
    int at = page.indexOf("id=\"child-" + childId + "\"");
    assertThat(at).as("line of child " + childId).isPositive();
    int end = page.indexOf("</li>\n  </ul>", at);
    int next = page.indexOf("class=\"child-line\"", at + 10);
    return page.substring(at, next > 0 ? next : page.length());
  }
}
