package org.careflow.classplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careflow.TestSchool.form;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.CareflowTest;
import org.careflow.SecondSchool;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.identity.Roles;
import org.careflow.inbox.TaskWork;
import org.careflow.reports.PrintableFilesTest;
import org.careflow.school.SchoolClass;
import org.careflow.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The class's papers of a term (process class-term-papers): the class teacher gets the help plan on the term's
 * first day (the class's pairings beside it, the term's activities prefilled) and the summary two weeks before
 * its end (prefilled with the term's figures); both are in the class's term file and on the supervisors' page.
 */
class ClassTermPapersProcessTest extends CareflowTest {

  @Autowired ClassTermPapers papers;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecondSchool second;

  List<Task> open(SchoolClass c, String key) {
    return tasks.createTaskQuery().processDefinitionKey(ClassTermPapers.PROCESS_KEY).processInstanceBusinessKey(ClassTermPapers.KEYS.key(c.getId()))
        .taskDefinitionKey(key).active().list();
  }

  void fireTo(LocalDateTime t) {
    school.fireTimersDueBy(t, ClassTermPapers.PROCESS_KEY);
  }

  @Test
  void theClassTeacherWritesThePlanAtTheTermsStartAndTheSummaryTwoWeeksBeforeItsEnd() throws Exception {
    TestSchool.clockAt(LocalDateTime.of(2026, 8, 25, 9, 0));
    String teacher = school.newUser("cpt", Roles.TEACHER);
    TaskWork.Worker asTeacher = TestSchool.as(teacher, Roles.TEACHER);
    SchoolClass c = school.newClass("四", 4, teacher);
    papers.ensureFor(c.getId());
    assertThat(open(c, ClassTermPapers.PLAN_TASK)).as("the term has not started").isEmpty();

    TestSchool.clockAt(LocalDateTime.of(2026, 9, 2, 9, 0));
    long caseId = school.caseInCare(c, asTeacher, "tmentor", "CP");
    long childId = jdbc.queryForObject("SELECT child_id FROM cf_case WHERE id = ?", Long.class, caseId);
    String studentNo = jdbc.queryForObject("SELECT student_no FROM cf_child WHERE id = ?", String.class, childId);
    fireTo(LocalDateTime.of(2026, 9, 2, 9, 0));
    Task plan = open(c, ClassTermPapers.PLAN_TASK).stream().findFirst().orElseThrow();
    assertThat(plan.getName()).isEqualTo("班级关爱帮扶计划");
    assertThat(plan.getAssignee()).isEqualTo(teacher);
    assertThat(plan.getDueDate()).isEqualTo(TestSchool.endOfDay(LocalDate.of(2026, 9, 14)));

    // the task's page shows who helps whom and prefills the term's activities from the class's activity table
    WebSession s = browser().login(teacher, "pw");
    String page = s.get("/tasks/" + plan.getId()).body();
    assertThat(page).contains("班级结对帮扶", "王小明", "测试帮扶教师", "主题班会");

    // an empty goal is refused in the user's language, and nothing is kept
    HttpResponse<String> refused = s.post("/tasks/" + plan.getId(), form("goals", " ", "activities", "主题班会"));
    assertThat(refused.body()).contains("此项必填");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM cf_class_plan WHERE class_id = ?", Integer.class, c.getId())).isZero();
    assertThat(open(c, ClassTermPapers.PLAN_TASK)).hasSize(1);

    String goals = "每个留守孩子每月谈心一次" + TestSchool.next();
    school.completeTask(plan.getId(), asTeacher, form("goals", goals, "activities", "9月：主题班会\n10月：生日会", "helpNotes", "同桌互助"));
    assertThat(open(c, ClassTermPapers.PLAN_TASK)).isEmpty();

    // a talk in September, in its month
    school.complete(caseId, "monthlyTalk", asTeacher, form("talkDate", "2026-09-02", "topics", "study", "mood", "CALM"));

    // two weeks before the term's end: the summary, prefilled with the term's figures
    fireTo(LocalDateTime.of(2027, 1, 6, 9, 0));
    Task summary = open(c, ClassTermPapers.SUMMARY_TASK).stream().findFirst().orElseThrow();
    assertThat(summary.getName()).isEqualTo("班级工作总结");
    assertThat(summary.getAssignee()).isEqualTo(teacher);
    assertThat(summary.getDueDate()).isEqualTo(TestSchool.endOfDay(TestSchool.AUTUMN_END));
    String summaryPage = s.get("/tasks/" + summary.getId()).body();
    assertThat(summaryPage).contains("本班2026年秋季学期的数据", "关爱留守儿童 1 人", "每月谈心 1 次（当月按时 1 次）")
        .contains("data-figure=\"talks\">1<", "data-figure=\"visits\">1<");
    assertThatThrownBy(() -> school.completeTask(summary.getId(), asTeacher, form("achievements", "x".repeat(2001))))
        .isInstanceOf(InvalidInputException.class);
    String comment = "本学期谈心按时完成" + TestSchool.next();
    school.completeTask(summary.getId(), asTeacher, form("achievements", comment, "problems", "家长联系少", "nextSteps", "多家访"));

    // the class's term file holds both, read with a real PDF reader
    HttpResponse<byte[]> pdf = PrintableFilesTest.download(s, "/classes/" + c.getId() + "/file.pdf?term=" + school.autumn.getId(), "zh-CN");
    assertThat(pdf.statusCode()).isEqualTo(200);
    PrintableFilesTest.Pdf file = PrintableFilesTest.read(pdf.body());
    PrintableFilesTest.readable(file);
    String text = file.text().replaceAll("\\s", "");
    assertThat(text).contains("班级关爱帮扶计划", goals, "同桌互助", "结对帮扶", "测试帮扶教师", "班级工作总结", comment, "多家访", studentNo);

    // the supervisors see both on their page, reached from /reports; another school's supervisor does not, a teacher gets 403
    WebSession supervisor = browser().login("tsupervisor", "pw");
    assertThat(supervisor.get("/reports").body()).contains("/reports/class-plans");
    String plans = supervisor.get("/reports/class-plans?term=" + school.autumn.getId()).body();
    assertThat(plans).contains(c.getName(), goals, comment, "王小明");
    second.ensure();
    String other = browser().login("tsupervisor2", "pw").get("/reports/class-plans").body();
    assertThat(other).doesNotContain(goals, c.getName());
    assertThat(browser().login("tsupervisor2", "pw").get("/reports/class-plans?term=" + school.autumn.getId()).statusCode()).isEqualTo(422);
    assertThat(s.get("/reports/class-plans").statusCode()).isEqualTo(403);

    // after the term the next term's plan comes on its first day
    fireTo(LocalDateTime.of(2027, 2, 24, 9, 0));
    assertThat(open(c, ClassTermPapers.PLAN_TASK)).hasSize(1);
  }
}
