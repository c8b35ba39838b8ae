package org.careflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.identity.Roles;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 资料归档: the term's files are stored as they were; a later change of the records leaves them as handed in. */
class TermArchiveTest extends CareflowTest {

  @Autowired SchoolClassRepository classes;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theCoordinatorArchivesTheTermAndTheStoredFilesDoNotChangeAfterwards() throws Exception {
    String teacher = school.newUser("arct", Roles.TEACHER);
    String coordinator = school.newUser("arcc", Roles.COORDINATOR);
    SchoolClass c = school.classInOwnSchool("归档测试校", "六年级(1)班", 6, teacher, coordinator);
    String schoolName = c.getSchool().getName();
    long caseId = school.registeredCase(c, TestSchool.as(teacher, Roles.TEACHER), "AR");
    long child = jdbc.queryForObject("SELECT child_id FROM cf_case WHERE id = ?", Long.class, caseId);
    String studentNo = jdbc.queryForObject("SELECT student_no FROM cf_child WHERE id = ?", String.class, child);

    WebSession s = browser().login(coordinator, "pw");
    s.get("/reports");
    HttpResponse<String> r = s.post("/reports/archive", Map.of());
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElse("")).contains("archived=2");
    String page = s.get("/reports").body();
    assertThat(page).contains("学期资料归档", "六年级(1)班 2026年秋季学期", schoolName + " 2026年秋季学期", "测试用户" + coordinator);
    Matcher m = Pattern.compile("/reports/archive/(\\d+)\">六年级\\(1\\)班").matcher(page);
    assertThat(m.find()).isTrue();
    String stored = "/reports/archive/" + m.group(1);

    // the case closes afterwards: a file printed now says so, the archived one is as it was handed in
    assertThat(s.post("/cases/" + caseId + "/close", Map.of("reason", List.of("PARENTS_RETURNED"), "childId", List.of(Long.toString(child))))
        .statusCode()).isEqualTo(302);
    PrintableFilesTest.Pdf now = PrintableFilesTest.read(PrintableFilesTest.download(s, "/classes/" + c.getId() + "/file.pdf", "zh-CN").body());
    assertThat(now.text().replaceAll("\\s", "")).as("a narrow table cell may wrap the reason").contains(studentNo, "父母返乡");
    HttpResponse<byte[]> archived = PrintableFilesTest.download(s, stored, "zh-CN");
    assertThat(archived.statusCode()).isEqualTo(200);
    PrintableFilesTest.Pdf then = PrintableFilesTest.read(archived.body());
    PrintableFilesTest.readable(then);
    assertThat(then.text()).contains(studentNo, "王小明", schoolName);
    assertThat(then.text().replaceAll("\\s", "")).doesNotContain("父母返乡");

    // nobody outside the school reads it
    assertThat(PrintableFilesTest.download(browser().login("tsupervisor", "pw"), stored, "zh-CN").statusCode()).isEqualTo(404);
    assertThat(PrintableFilesTest.download(browser().login(teacher, "pw"), stored, "zh-CN").statusCode()).isEqualTo(403);
  }
}
