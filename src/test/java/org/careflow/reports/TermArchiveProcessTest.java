package org.careflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.form;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.identity.Roles;
import org.careflow.privacy.ChildFile;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 资料归档 as a task: on the term's last day the school's coordinator is asked to archive; completing the task
 * stores the files as the button does. The stored files know which children they hold: anonymising a child makes
 * them again without the child.
 */
class TermArchiveProcessTest extends CareflowTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TermArchiveProcess process;
  @Autowired TaskService tasks;
  @Autowired ChildFile childFile;

  @Test
  void theCoordinatorIsAskedAtTheTermsEndAndAnonymisingAChildReachesTheStoredFiles() throws Exception {
    TestSchool.clockAt(LocalDateTime.of(2026, 10, 12, 9, 0));
    String teacher = school.newUser("tapt", Roles.TEACHER);
    String coordinator = school.newUser("tapc", Roles.COORDINATOR);
    SchoolClass c = school.classInOwnSchool("归档任务校", "五年级(1)班", 5, teacher, coordinator);
    String schoolName = c.getSchool().getName();
    long schoolId = c.getSchool().getId();
    long caseId = school.registeredCase(c, TestSchool.as(teacher, Roles.TEACHER), "TAP");
    long child = jdbc.queryForObject("SELECT child_id FROM cf_case WHERE id = ?", Long.class, caseId);
    String studentNo = jdbc.queryForObject("SELECT student_no FROM cf_child WHERE id = ?", String.class, child);
    // the child leaves in the term: the statistics name them among those who left
    WebSession s = browser().login(coordinator, "pw");
    s.get("/reports");
    assertThat(s.post("/cases/" + caseId + "/close", Map.of("reason", List.of("TRANSFERRED"), "childId", List.of(Long.toString(child))))
        .statusCode()).isEqualTo(302);

    process.ensureFor(schoolId);
    school.fireTimersDueBy(LocalDateTime.of(2027, 1, 19, 9, 0), TermArchiveProcess.PROCESS_KEY);
    assertThat(open(schoolId)).as("the term has not ended").isEmpty();
    school.fireTimersDueBy(LocalDateTime.of(2027, 1, 20, 9, 0), TermArchiveProcess.PROCESS_KEY);
    Task task = open(schoolId).stream().findFirst().orElseThrow();
    assertThat(task.getName()).isEqualTo("学期资料归档");
    assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(l -> Roles.schoolRoleGroup(schoolId, Roles.COORDINATOR).equals(l.getGroupId()));

    // the coordinator's inbox has it; completing it archives the school's term
    assertThat(s.get("/").body()).contains("学期资料归档");
    school.completeTask(task.getId(), TestSchool.as(coordinator, Roles.COORDINATOR, Roles.schoolGroup(schoolId), Roles.schoolRoleGroup(schoolId, Roles.COORDINATOR)), form("confirm", "true"));
    assertThat(open(schoolId)).isEmpty();
    String page = s.get("/reports").body();
    assertThat(page).contains("五年级(1)班 2026年秋季学期", schoolName + " 2026年秋季学期", "测试用户" + coordinator);
    String classFile = link(page, "五年级\\(1\\)班 2026年秋季学期");
    String workbook = link(page, Pattern.quote(schoolName + " 2026年秋季学期"));
    PrintableFilesTest.Pdf before = PrintableFilesTest.read(PrintableFilesTest.download(s, classFile, "zh-CN").body());
    assertThat(before.text()).contains(studentNo, "王小明");
    assertThat(leaverNames(PrintableFilesTest.download(s, workbook, "zh-CN").body())).contains("王小明");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM cf_report_archive_child WHERE child_id = ?", Integer.class, child)).isEqualTo(2);

    // the child's data is anonymised: the stored files no longer hold them, and say they were made again
    assertThat(childFile.anonymise(child)).isTrue();
    PrintableFilesTest.Pdf after = PrintableFilesTest.read(PrintableFilesTest.download(s, classFile, "zh-CN").body());
    PrintableFilesTest.readable(after);
    assertThat(after.text()).contains(schoolName).doesNotContain(studentNo, "王小明");
    List<String> leavers = leaverNames(PrintableFilesTest.download(s, workbook, "zh-CN").body());
    assertThat(leavers).doesNotContain("王小明").contains("已匿名");
    assertThat(s.get("/reports").body()).contains("因儿童资料匿名化于");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM cf_report_archive_child WHERE child_id = ?", Integer.class, child)).isZero();
  }

  List<Task> open(long schoolId) {
    return tasks.createTaskQuery().processDefinitionKey(TermArchiveProcess.PROCESS_KEY)
        .processInstanceBusinessKey(TermArchiveProcess.businessKey(schoolId)).active().list();
  }

  static String link(String page, String title) {
    Matcher m = Pattern.compile("/reports/archive/(\\d+)\">" + title).matcher(page);
    assertThat(m.find()).as(title).isTrue();
    return "/reports/archive/" + m.group(1);
  }

  /** The first column of every sheet's rows: the leavers' names are there. */
  static List<String> leaverNames(byte[] xlsx) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          Cell cell = row.getCell(0);
          if (cell != null && cell.getCellType() == CellType.STRING) {
            out.add(cell.getStringCellValue());
          }
        }
      }
    }
    return out;
  }
}
