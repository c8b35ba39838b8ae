package org.careflow.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.time.LocalDateTime;
import org.careflow.CareflowTest;
import org.careflow.WebSession;
import org.careflow.child.CareCases;
import org.careflow.enrolment.CaseLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The family contact page over real HTTP: the class teacher logs calls, bad input is explained, other classes see nothing; the year-end pages answer their roles. */
class FamilyPageTest extends CareflowTest {

  @Autowired CaseLifecycle lifecycle;
  @Autowired CareCases cases;

  @Test
  void theClassTeacherLogsACallWithThePartsChecked() {
    clockAt(LocalDateTime.of(2026, 9, 10, 9, 0));
    long caseId = lifecycle.enrol("孙思琪", school.classA.getId(), "tcoordinator").getId();
    long childId = cases.careCase(caseId).getChild().getId();
    WebSession s = browser().login("tteacher", "pw");
    String page = s.get("/children/" + childId + "/family").body();
    assertThat(page).contains("亲情电话记录", "还没有通话记录");

    var bad = s.post("/children/" + childId + "/family/calls", form("date", "2026-09-09", "kind", "PHONE", "parent", "MOTHER",
        "reached", "true", "minutes", "abc", "notes", ""));
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body()).contains("field invalid", "请填写数字");
    assertThat(s.get("/children/" + childId + "/family").body()).contains("还没有通话记录");

    // nothing chosen for the teacher: each choice missing is named in the user's language, nothing is written
    var unsaid = s.post("/children/" + childId + "/family/calls", form("date", "2026-09-09", "minutes", "", "notes", "打了电话"));
    assertThat(unsaid.statusCode()).isEqualTo(200);
    assertThat(unsaid.body()).contains("请选择是电话还是视频通话。", "请选择和谁通话（或想联系谁）。", "请选择电话是否接通。", "打了电话");
    assertThat(s.get("/children/" + childId + "/family").body()).contains("还没有通话记录");
    s.get("/children/" + childId + "/family?lang=en");
    var unsaidEn = s.post("/children/" + childId + "/family/calls", form("date", "2026-09-09", "kind", "PHONE", "parent", "MOTHER"));
    assertThat(unsaidEn.body()).contains("Please say whether the call got through.").doesNotContain("Please say whom");
    s.get("/children/" + childId + "/family?lang=zh-CN");

    var ok = s.post("/children/" + childId + "/family/calls", form("date", "2026-09-09", "kind", "VIDEO", "parent", "MOTHER",
        "reached", "true", "minutes", "15", "notes", "说了开学的事"));
    assertThat(ok.statusCode()).isEqualTo(302);
    String after = s.get("/children/" + childId + "/family").body();
    assertThat(after).contains("视频通话", "说了开学的事").doesNotContain("还没有通话记录");
    assertThat(s.get("/children/" + childId).body()).contains("亲情电话", "/children/" + childId + "/family");

    WebSession other = browser().login("tteacher2", "pw");
    assertThat(other.get("/children/" + childId + "/family").statusCode()).isEqualTo(404);
  }

  @Test
  void theFamilyPagePlacesCallsWithNothingChosenBeforehand() {
    clockAt(LocalDateTime.of(2026, 9, 11, 9, 0));
    long caseId = school.registeredCase();
    long childId = cases.careCase(caseId).getChild().getId();
    String page = browser().login("tteacher", "pw").get("/children/" + childId + "/family").body();
    int numbers = page.indexOf("id=\"numbers\"");
    int form = page.indexOf("id=\"log-call\"");
    int expectation = page.indexOf("id=\"expectation\"");
    assertThat(numbers).isPositive().isLessThan(form);
    assertThat(form).isLessThan(expectation);
    assertThat(page.substring(numbers, form)).contains("href=\"tel:13812345678\"", "href=\"tel:075526001234\"", "href=\"tel:18712345678\"",
        "王建军", "李秀娟", "王奶奶");
    String callForm = page.substring(form, page.indexOf("</form>", form));
    assertThat(callForm).contains("type=\"radio\" name=\"reached\" value=\"true\"", "type=\"radio\" name=\"kind\"")
        .doesNotContain("checked", "<select");
    // the weekly expectation is folded below the form
    assertThat(page).contains("<details class=\"card fold\" id=\"expectation\">");
  }

  @Test
  void theYearEndPagesAnswerTheirRoles() {
    assertThat(browser().login("tcoordinator", "pw").get("/handover").body()).contains("班级升级", school.classA.getName());
    assertThat(browser().login("tteacher", "pw").get("/handover").body()).contains("交接说明").doesNotContain("班级升级");
    assertThat(browser().login("tsupervisor", "pw").get("/commendation?term=" + school.autumn.getId()).body()).contains("评选优秀留守儿童", "帮扶教师得分");
    assertThat(browser().login("tteacher", "pw").get("/commendation").statusCode()).isEqualTo(404);
    // a plan with a teacher from nowhere is refused whole, with the reason beside the class
    WebSession coordinator = browser().login("tcoordinator", "pw");
    coordinator.get("/handover");
    long id = school.classC.getId();
    var refused = coordinator.post("/handover", form("promote", Long.toString(id), "name-" + id, "三年级(1)班X", "teacher-" + id, "nobody"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("请选择本校的一位教师", "三年级(1)班X");
    assertThat(coordinator.get("/handover").body()).contains(school.classC.getName());
  }
}
