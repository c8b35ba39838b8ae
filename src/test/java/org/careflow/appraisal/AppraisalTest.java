package org.careflow.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.as;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.careflow.CareflowTest;
import org.careflow.SecondSchool;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.identity.Accounts;
import org.careflow.identity.Roles;
import org.careflow.inbox.TaskWork;
import org.careflow.reports.PrintableFilesTest;
import org.careflow.school.SchoolClass;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The teachers' term appraisal as a supervisor and a teacher see it: figures counted from the work the
 * test does (one talk on time, one late), the 篇29 score from a term review, the supervisor's grade with
 * its checks, the other school's supervisor kept out, and the Excel and PDF read back.
 */
class AppraisalTest extends CareflowTest {

  @Autowired Accounts accounts;
  @Autowired TeacherRepository teachers;
  @Autowired SecondSchool second;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();

  /** A teacher of the test school with a name of their own that does not contain the login name. */
  private record Person(String id, String name, long teacherId) {}

  private Person person(String prefix, String nameBase, String role) {
    String id = prefix + TestSchool.RUN.toLowerCase() + TestSchool.next();
    String name = nameBase + "甲乙丙丁戊己庚辛壬癸".charAt((int) (TestSchool.next() % 10)) + TestSchool.next();
    accounts.ensureUser(id, name, "pw", role);
    Teacher t = teachers.save(new Teacher(id, name, school.classA.getSchool(), "语文", Roles.MENTOR.equals(role)));
    return new Person(id, name, t.getId());
  }

  private JsonNode api(String user, String query) throws Exception {
    HttpResponse<String> r = browser().basic("/api/appraisal" + query, user, "pw");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private static JsonNode row(JsonNode schools, long teacherId) {
    for (JsonNode s : schools) {
      for (JsonNode t : s.path("teachers")) {
        if (t.path("teacherId").asLong() == teacherId) {
          return t;
        }
      }
    }
    throw new AssertionError("teacher " + teacherId + " not in " + schools);
  }


  @Test
  void oneTalkOnTimeAndOneLateAreShownSoAndTheSupervisorGradesWithChecks() throws Exception {
    Person teacher = person("apt", "考核班主任", Roles.TEACHER);
    Person mentor = person("apm", "考核帮扶", Roles.MENTOR);
    SchoolClass cls = school.newClass("一", 1, teacher.id());
    TaskWork.Worker tw = as(teacher.id(), Roles.TEACHER);
    clockAt(TestSchool.EARLY_AUTUMN);
    long onTime = school.caseInCare(cls, tw, mentor.id(), "AP");
    long late = school.caseInCare(cls, tw, mentor.id(), "AP");
    school.complete(onTime, "monthlyTalk", tw, form("talkDate", "2026-09-07", "topics", "study", "mood", "CALM"));
    // September's talk of the other child is held in October: late
    clockAt(LocalDateTime.of(2026, 10, 3, 10, 0));
    school.complete(late, "monthlyTalk", tw, form("talkDate", "2026-10-02", "topics", "study", "mood", "CALM"));
    String term = "?term=" + school.autumn.getId();

    JsonNode t = row(api("tsupervisor", term), teacher.teacherId());
    assertThat(t.path("name").asText()).isEqualTo(teacher.name());
    assertThat(t.path("classTeacher").asBoolean()).isTrue();
    assertThat(t.path("obligations").path("talks").path("onTime").asInt()).isEqualTo(1);
    assertThat(t.path("obligations").path("talks").path("late").asInt()).isEqualTo(1);
    // the two verification visits, on the day of registration
    assertThat(t.path("obligations").path("visits").path("onTime").asInt()).isEqualTo(2);
    assertThat(t.path("obligations").path("visits").path("late").asInt()).isZero();
    assertThat(t.path("late").asInt()).isEqualTo(1);
    // two archives, two visits and two talks written at least
    assertThat(t.path("recordsWritten").asLong()).isGreaterThanOrEqualTo(6);
    assertThat(t.path("grade").isNull()).isTrue();
    JsonNode m = row(api("tsupervisor", term), mentor.teacherId());
    assertThat(m.path("mentor").asBoolean()).isTrue();
    assertThat(m.path("obligations").path("checkIns").path("onTime").asInt()).isEqualTo(2);

    // the page: names, not login names
    WebSession sup = browser().login("tsupervisor", "pw");
    HttpResponse<String> page = sup.get("/appraisal" + term, "Accept-Language", "zh-CN");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(teacher.name(), mentor.name(), "教师学期考核").doesNotContain(teacher.id(), mentor.id());

    // refused: 评优 needs the grade 优秀, and a class teacher who is no mentor cannot be 优秀帮扶教师; nothing written
    String detail = "/appraisal/teachers/" + teacher.teacherId();
    sup.get(detail + term);
    HttpResponse<String> bad = sup.post(detail, Map.of("term", List.of(school.autumn.getId().toString()), "grade", List.of("PASS"),
        "outstandingClassTeacher", List.of("true"), "outstandingMentor", List.of("true"), "comment", List.of("不该保存")));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("只有考核等次为优秀的教师才能评优", "只有帮扶教师才能评为优秀帮扶教师", "尚未保存");
    assertThat(row(api("tsupervisor", term), teacher.teacherId()).path("grade").isNull()).isTrue();
    // in English, the same refusal in English
    HttpResponse<String> badEn = sup.send(HttpRequest.newBuilder(sup.uri(detail)).header("Accept-Language", "en")
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
            "term=" + school.autumn.getId() + "&grade=NONE&_csrf=" + csrf(sup.get(detail + term).body()))).build());
    assertThat(badEn.statusCode()).isEqualTo(422);
    assertThat(badEn.body()).contains("Choose one of the options.");

    // accepted: 优秀 and 优秀班主任, with a comment
    sup.get(detail + term);
    HttpResponse<String> ok = sup.post(detail, Map.of("term", List.of(school.autumn.getId().toString()), "grade", List.of("EXCELLENT"),
        "outstandingClassTeacher", List.of("true"), "comment", List.of("谈心记录认真，家访及时")));
    assertThat(ok.statusCode()).isEqualTo(302);
    HttpResponse<String> shown = sup.get(detail + term, "Accept-Language", "zh-CN");
    assertThat(shown.body()).contains("优秀", "优秀班主任", "谈心记录认真，家访及时", "测试校长").doesNotContain(teacher.id());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_audit WHERE actor = 'tsupervisor' AND action = 'APPRAISE' AND detail LIKE ?",
        Long.class, "teacher " + teacher.teacherId() + ",%")).isEqualTo(1);
    JsonNode graded = row(api("tsupervisor", term), teacher.teacherId()).path("grade");
    assertThat(graded.path("grade").asText()).isEqualTo("EXCELLENT");
    assertThat(graded.path("outstandingClassTeacher").asBoolean()).isTrue();
    assertThat(graded.path("gradedBy").asText()).isEqualTo("测试校长");

    // the teacher sees their own appraisal and nobody else's, and cannot grade
    JsonNode own = api(teacher.id(), term);
    assertThat(own).hasSize(1);
    assertThat(own.get(0).path("teachers")).hasSize(1);
    assertThat(own.get(0).path("teachers").get(0).path("teacherId").asLong()).isEqualTo(teacher.teacherId());
    WebSession self = browser().login(teacher.id(), "pw");
    assertThat(self.get(detail + term, "Accept-Language", "zh-CN").body()).contains("优秀班主任", "谈心记录认真，家访及时");
    assertThat(self.get("/appraisal/teachers/" + mentor.teacherId() + term).statusCode()).isEqualTo(404);
    self.get(detail + term);
    assertThat(self.post(detail, Map.of("term", List.of(school.autumn.getId().toString()), "grade", List.of("FAIL"))).statusCode())
        .isEqualTo(403);

    // another school's supervisor: not found, nothing written, and this school's term is refused
    second.ensure();
    WebSession other = browser().login("tsupervisor2", "pw");
    assertThat(other.get(detail + term).statusCode()).isEqualTo(404);
    other.get("/appraisal");
    assertThat(other.post(detail, Map.of("term", List.of(school.autumn.getId().toString()), "grade", List.of("FAIL"))).statusCode())
        .isEqualTo(404);
    assertThat(other.get("/appraisal").body()).doesNotContain(teacher.name());
    HttpResponse<String> otherApi = browser().basic("/api/appraisal" + term, "tsupervisor2", "pw");
    assertThat(otherApi.statusCode()).isIn(400, 422);
    assertThat(otherApi.body()).doesNotContain(teacher.name());
    assertThat(row(api("tsupervisor", term), teacher.teacherId()).path("grade").path("grade").asText()).isEqualTo("EXCELLENT");

    // Excel, read back with POI: the school's sheet, the teacher's row by name, talks 1 on time and 1 late, the grade
    HttpResponse<byte[]> xlsx = PrintableFilesTest.download(sup, "/appraisal/appraisal.xlsx" + term, "zh-CN");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = wb.getSheet(school.classA.getSchool().getName());
      assertThat(sheet).isNotNull();
      Row head = sheet.getRow(2);
      Row mine = null;
      for (Row r : sheet) {
        if (r.getRowNum() > 2 && teacher.name().equals(r.getCell(0).getStringCellValue())) {
          mine = r;
        }
      }
      assertThat(mine).as("the teacher's row").isNotNull();
      assertThat(number(mine, column(head, "谈心：按时"))).isEqualTo(1);
      assertThat(number(mine, column(head, "谈心：逾期"))).isEqualTo(1);
      assertThat(number(mine, column(head, "家访：按时"))).isEqualTo(2);
      assertThat(mine.getCell(column(head, "考核等次")).getStringCellValue()).isEqualTo("优秀");
      assertThat(mine.getCell(column(head, "评优")).getStringCellValue()).isEqualTo("优秀班主任");
      StringBuilder all = new StringBuilder();
      for (Row r : sheet) {
        for (Cell c : r) {
          all.append(c).append('|');
        }
      }
      assertThat(all.toString()).doesNotContain(teacher.id(), "第二测试小学");
    }

    // PDF, read back with PDFBox: the school, the title, the teacher by name, the grade and comment, every glyph there
    HttpResponse<byte[]> pdf = PrintableFilesTest.download(sup, "/appraisal/appraisal.pdf" + term, "zh-CN");
    assertThat(pdf.statusCode()).isEqualTo(200);
    PrintableFilesTest.Pdf read = PrintableFilesTest.read(pdf.body());
    assertThat(read.fonts()).isNotEmpty().allMatch(f -> f.contains("NotoSansSC"));
    assertThat(read.allEmbedded()).isTrue();
    assertThat(read.missingGlyphs()).isZero();
    assertThat(Math.max(read.width(), read.height())).as("A4").isBetween(840f, 843f);
    String text = read.text().replaceAll("\\s+", "");
    assertThat(text).contains(school.classA.getSchool().getName(), "教师学期考核", teacher.name(), "优秀班主任", "谈心记录认真，家访及时")
        .doesNotContain(teacher.id());
  }

  @Test
  void theTermReviewCountsAndGivesThePlan29ScoreOfTheClassTeacherAndTheMentor() throws Exception {
    Person teacher = person("aps", "总结班主任", Roles.TEACHER);
    Person mentor = person("apn", "总结帮扶", Roles.MENTOR);
    SchoolClass cls = school.newClass("二", 2, teacher.id());
    TaskWork.Worker tw = as(teacher.id(), Roles.TEACHER);
    clockAt(TestSchool.EARLY_AUTUMN);
    long caseId = school.caseInCare(cls, tw, mentor.id(), "APS");
    school.fireCaseTimersDueBy(LocalDateTime.of(2027, 1, 21, 8, 0), caseId);
    school.complete(caseId, "termReview", tw, form("progress", "进步明显", "rankBefore", "12", "rankAfter", "7",
        "outcome", "continue", "summary", "继续帮扶"));
    String term = "?term=" + school.autumn.getId();
    JsonNode schools = api("tsupervisor", term);
    JsonNode t = row(schools, teacher.teacherId());
    // the review is done after the term's last day, within its due date: it is the autumn term's, on time
    assertThat(t.path("obligations").path("reviews").path("onTime").asInt()).isEqualTo(1);
    assertThat(t.path("obligations").path("reviews").path("late").asInt()).isZero();
    // 5 ranks gained (+50) and no serious misconduct (+20): 70 for the class (its only reviewed child) and the mentor
    assertThat(t.path("classTeacherScore").asDouble()).isEqualTo(70.0);
    assertThat(row(schools, mentor.teacherId()).path("mentorScore").asDouble()).isEqualTo(70.0);
    HttpResponse<String> page = browser().login("tsupervisor", "pw").get("/appraisal/teachers/" + teacher.teacherId() + term,
        "Accept-Language", "en");
    assertThat(page.body()).contains("Term reviews", "1 on time, 0 late", "70.0");
  }

  private static String csrf(String body) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static int column(Row head, String title) {
    for (Cell c : head) {
      if (title.equals(c.getStringCellValue())) {
        return c.getColumnIndex();
      }
    }
    throw new AssertionError("no column " + title);
  }

  private static int number(Row r, int col) {
    return (int) r.getCell(col).getNumericCellValue();
  }
}
