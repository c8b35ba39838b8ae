package org.careflow.yearend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.form;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careflow.CareflowTest;
import org.careflow.WebSession;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The coordinator's year-end page (issue 16): nothing ticked at first, a confirmation step that lists what
 * will happen and writes nothing, only class teachers offered; and the roster template downloads in the
 * signed-in session.
 */
class HandoverConfirmTest extends CareflowTest {

  @Autowired SchoolClassRepository classes;

  @Test
  void nothingIsTickedAndTheHandoverIsConfirmedBeforeItActs() {
    SchoolClass c = school.newClass("三", 3, "tteacher2");
    WebSession coordinator = browser().login("tcoordinator", "pw");
    String page = coordinator.get("/handover").body();
    assertThat(page).contains(c.getName()).doesNotContain("checked");
    // the class teacher list: class teachers only (the mentors are not offered)
    Matcher select = Pattern.compile("(?s)<select name=\"teacher-" + c.getId() + "\">(.*?)</select>").matcher(page);
    assertThat(select.find()).isTrue();
    assertThat(select.group(1)).contains("测试班主任二").doesNotContain("测试帮扶教师", "测试协调员", "测试心理老师");

    String newName = "四年级(" + org.careflow.TestSchool.next() + ")班";
    var asked = coordinator.post("/handover", form("promote", c.getId().toString(), "name-" + c.getId(), newName, "teacher-" + c.getId(), "tteacher2"));
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body()).contains("请确认学年交接", c.getName() + "改为" + newName, "测试班主任二", "name=\"confirm\" value=\"yes\"");
    assertThat(classes.findById(c.getId()).orElseThrow().getName()).as("nothing written before the confirmation").isEqualTo(c.getName());

    var done = coordinator.post("/handover", form("promote", c.getId().toString(), "name-" + c.getId(), newName, "teacher-" + c.getId(), "tteacher2",
        "confirm", "yes"));
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location").orElse("")).contains("promoted=1");
    assertThat(classes.findById(c.getId()).orElseThrow().getName()).isEqualTo(newName);
  }

  @Test
  void aMentorIsRefusedAsClassTeacher() {
    SchoolClass c = school.newClass("三", 3, "tteacher2");
    WebSession coordinator = browser().login("tcoordinator", "pw");
    coordinator.get("/handover");
    var refused = coordinator.post("/handover", form("promote", c.getId().toString(), "name-" + c.getId(), "四年级(" + org.careflow.TestSchool.next() + ")班",
        "teacher-" + c.getId(), "tmentor", "confirm", "yes"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("请选择本校的一位教师");
    assertThat(classes.findById(c.getId()).orElseThrow().getName()).isEqualTo(c.getName());
  }

  @Test
  void theRosterTemplateDownloadsInTheSignedInSession() {
    WebSession coordinator = browser().login("tcoordinator", "pw");
    String importPage = coordinator.get("/import").body();
    assertThat(importPage).contains("href=\"/import/template.xlsx\"");
    var r = coordinator.send(java.net.http.HttpRequest.newBuilder(coordinator.uri("/import/template.xlsx")).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith((byte) 'P', (byte) 'K'); // an xlsx is a zip
    // API clients keep HTTP Basic
    assertThat(browser().basic("/api/import/roster/template.xlsx", "tcoordinator", "pw").statusCode()).isEqualTo(200);
    // and a teacher gets no template
    assertThat(browser().login("tteacher", "pw").get("/import/template.xlsx").statusCode()).isIn(403, 404);
  }
}
