package org.careflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.careflow.enrolment.RosterImport;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SQL statements (and rows written) of four units of work, counted at the DataSource
 * ({@link StatementCounter}) and held to the budgets in docs/PERFORMANCE.md ("Statements per unit of
 * work"): a regression in the work a timer, a case start, a completion or the inbox does fails the build
 * without any timing. Each unit runs once first (caches of the engine and of careflow warm, as on a
 * server that has been up a while), then once counted, on data this test makes.
 */
class StatementBudgetTest extends CareflowTest {

  /** The budgets, as documented in docs/PERFORMANCE.md. */
  static final int TIMER_JOB = 40;
  static final int ROSTER_CASE_START = 26;
  static final int TASK_COMPLETION = 90;
  static final int INBOX_PAGE = 16;

  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired RosterImport roster;

  @Test
  void monthlyTalkTimerJob() {
    TestSchool.clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
    SchoolClass c = school.newClass("三", 3, "tteacher");
    long warm = school.caseInCare(c, TestSchool.TEACHER, "tmentor", "SBT");
    long counted = school.caseInCare(c, TestSchool.TEACHER, "tmentor", "SBT");
    Job warmJob = nextMonthJob(warm);
    Job job = nextMonthJob(counted);
    TestSchool.clockAt(LocalDateTime.of(2026, 10, 1, 0, 5));
    management.executeJob(warmJob.getId());
    StatementCounter.Window w;
    try (StatementCounter.Window window = StatementCounter.start()) {
      management.executeJob(job.getId());
      w = window;
    }
    // what the teacher sees: October's talk, due at the month's end
    List<Task> talks = school.tasks(counted, "monthlyTalk");
    assertThat(talks).hasSize(2);
    assertThat(talks.get(1).getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 10, 31)));
    report("timer_job_monthly_talk", w, TIMER_JOB);
  }

  @Test
  void caseStartThroughRosterImport() throws IOException {
    TestSchool.clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
    SchoolClass c = school.newClass("四", 4, "tteacher");
    Map<String, SchoolClass> classes = Map.of(c.getName(), c);
    roster.importRoster(new ByteArrayInputStream(roster(c, TestSchool.nextStudentNo("SBR"))), classes, "tcoordinator");
    byte[] file = roster(c, TestSchool.nextStudentNo("SBR"));
    StatementCounter.Window w;
    RosterImport.Result result;
    try (StatementCounter.Window window = StatementCounter.start()) {
      result = roster.importRoster(new ByteArrayInputStream(file), classes, "tcoordinator");
      w = window;
    }
    assertThat(result.created()).isEqualTo(1);
    report("roster_import_one_case_start", w, ROSTER_CASE_START);
  }

  @Test
  void taskCompletionThroughTheTaskPage() {
    TestSchool.clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
    SchoolClass c = school.newClass("五", 5, "tteacher");
    long warm = school.caseInCare(c, TestSchool.TEACHER, "tmentor", "SBC");
    long counted = school.caseInCare(c, TestSchool.TEACHER, "tmentor", "SBC");
    WebSession teacher = browser().login("tteacher", "pw");
    Map<String, List<String>> card = TestSchool.form("talkDate", "2026-09-15", "topics", "study", "mood", "CALM");
    Task first = school.task(warm, "monthlyTalk");
    teacher.get("/tasks/" + first.getId());
    assertThat(teacher.post("/tasks/" + first.getId(), card).statusCode()).isEqualTo(302);
    Task talk = school.task(counted, "monthlyTalk");
    teacher.get("/tasks/" + talk.getId());
    StatementCounter.Window w;
    HttpResponse<String> done;
    try (StatementCounter.Window window = StatementCounter.start()) {
      done = teacher.post("/tasks/" + talk.getId(), card);
      w = window;
    }
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(school.task(counted, "monthlyTalk")).isNull();
    report("task_completion_task_page", w, TASK_COMPLETION);
  }

  @Test
  void inboxPage() {
    TestSchool.clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
    String teacherId = school.newUser("sbi", org.careflow.identity.Roles.TEACHER);
    SchoolClass c = school.newClass("六", 6, teacherId);
    school.caseInCare(c, TestSchool.as(teacherId, org.careflow.identity.Roles.TEACHER), "tmentor", "SBI");
    WebSession teacher = browser().login(teacherId, "pw");
    assertThat(teacher.get("/").statusCode()).isEqualTo(200);
    StatementCounter.Window w;
    HttpResponse<String> page;
    try (StatementCounter.Window window = StatementCounter.start()) {
      page = teacher.get("/");
      w = window;
    }
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("每月谈心");
    report("inbox_page", w, INBOX_PAGE);
  }

  private Job nextMonthJob(long caseId) {
    String pi = runtime.createProcessInstanceQuery().processDefinitionKey("child-case").processInstanceBusinessKey(Long.toString(caseId))
        .singleResult().getId();
    return management.createJobQuery().processInstanceId(pi).activityId("nextMonth").singleResult();
  }

  private static void report(String unit, StatementCounter.Window w, int budget) {
    System.out.printf("BENCH statements_%s %d statements vs budget %d ratio %.2f%n", unit, w.statements(), budget, (double) w.statements() / budget);
    System.out.printf("BENCH rows_written_%s %d rows%n", unit, w.rowsWritten());
    if (Boolean.getBoolean("statements.list") || w.statements() > budget) {
      System.out.print(w.listing());
    }
    assertThat(w.statements()).as("SQL statements of %s (budget in docs/PERFORMANCE.md); they were:%n%s", unit, w.listing())
        .isLessThanOrEqualTo(budget);
  }

  /** A roster of one new child in this class, as RosterImport reads it. */
  private static byte[] roster(SchoolClass c, String studentNo) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("花名册");
      Row header = sheet.createRow(0);
      for (int i = 0; i < RosterImport.COLUMNS.size(); i++) {
        header.createCell(i).setCellValue(RosterImport.COLUMNS.get(i)[0]);
      }
      Row row = sheet.createRow(1);
      String[] v = {studentNo, "预算学生", "女", "2018-03-01", c.getName(), "父母双方外出务工", "张奶奶", "祖母", "18700000001", "张建国",
          "13800001111", "广东深圳", "李红", "13900002222", "浙江宁波", "测试镇"};
      for (int i = 0; i < v.length; i++) {
        row.createCell(i).setCellValue(v[i]);
      }
      book.write(out);
      return out.toByteArray();
    }
  }
}
