package org.careflow.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.clockAt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.careflow.CareflowTest;
import org.careflow.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The child's page on a phone (issue 16): the summary card comes first with the numbers to call as
 * {@code tel:} links, the mentor, the open tasks; the records are grouped by term; the diagram and the
 * change log are folded; the change log shows names and words, never codes or login names.
 */
class ChildPhonePageTest extends CareflowTest {

  @Autowired CareCases cases;
  @Autowired ChildArchive childArchive;

  @Test
  void theSummaryComesFirstWithNumbersToCallAndTheRestIsFolded() {
    clockAt(LocalDateTime.of(2026, 10, 12, 9, 0));
    long caseId = school.caseInCare();
    long childId = cases.careCase(caseId).getChild().getId();
    WebSession teacher = browser().login("tteacher", "pw");
    String page = teacher.get("/children/" + childId + "?lang=zh-CN").body();

    int summary = page.indexOf("id=\"summary\"");
    assertThat(summary).isPositive().isLessThan(page.indexOf("id=\"records\"")).isLessThan(page.indexOf("id=\"case\""));
    String card = page.substring(summary, page.indexOf("id=\"records\""));
    assertThat(card).contains("href=\"tel:13812345678\"", "href=\"tel:075526001234\"", "href=\"tel:18712345678\"",
        "广东深圳", "王奶奶", "测试帮扶教师", "测试班主任", "每月谈心", "/tasks/");
    // the term's records unfolded, the diagram, the archive and the change log folded
    assertThat(page).containsPattern("<details class=\"fold term-records\" open[^>]*>\\s*<summary><span>2026年秋季学期</span>");
    assertThat(page).contains("<details class=\"fold diagram-fold\">", "<details class=\"card fold\" id=\"changes\">",
        "<details class=\"card fold\" id=\"archive\">");
  }

  @Test
  void theChangeLogNamesPeopleAndTranslatesEveryValue() {
    clockAt(LocalDateTime.of(2026, 10, 13, 9, 0));
    long caseId = school.registeredCase();
    long childId = cases.careCase(caseId).getChild().getId();
    WebSession teacher = browser().login("tteacher", "pw");
    String edit = teacher.get("/children/" + childId + "/edit").body();
    String version = edit.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
    String studentNo = childArchive.child(childId).getStudentNo();
    Map<String, List<String>> changed = new java.util.LinkedHashMap<>(archive(studentNo, "ONE_AWAY", LocalDate.of(2026, 1, 1)));
    changed.keySet().removeAll(List.of("consentGiven", "consentBy", "consentMethod"));
    changed.put("version", List.of(version));
    changed.put("sex", List.of("F"));
    changed.put("boarding", List.of("true"));
    assertThat(teacher.post("/children/" + childId + "/edit", changed).statusCode()).isEqualTo(302);

    String zh = teacher.get("/children/" + childId + "?lang=zh-CN").body();
    String log = zh.substring(zh.indexOf("id=\"changes\""));
    assertThat(log).contains("测试班主任", "男</span> →", "女</span>", "否</span> →", "是</span>", "父母双方外出务工</span> →", "父母一方外出务工", "书面签字")
        .doesNotContain(">tteacher<", "BOTH_AWAY", "ONE_AWAY", "WRITTEN", ">M<", ">F<", "false", "true");
    String en = teacher.get("/children/" + childId + "?lang=en").body();
    String enLog = en.substring(en.indexOf("id=\"changes\""));
    assertThat(enLog).contains("Male</span> →", "Female</span>", "One parent working away", "signed in writing")
        .doesNotContain("ONE_AWAY", "WRITTEN", "false", "true");
  }
}
