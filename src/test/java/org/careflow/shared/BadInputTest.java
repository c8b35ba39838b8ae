package org.careflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.child.CareCases;
import org.careflow.enrolment.CaseLifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Over a hundred kinds of bad input, each sent as a user or a tool would send it (pages with their
 * CSRF token, JSON APIs and the engine REST API with HTTP Basic, files as multipart): each gets a clear
 * answer in the user's language (the status, the message, no stack trace) and nothing is written.
 */
class BadInputTest extends CareflowTest {

  @Autowired CaseLifecycle lifecycle;
  @Autowired CareCases cases;
  @Autowired JdbcTemplate jdbc;
  @Autowired MessageSource messages;

  /** What the bad inputs are aimed at: a child of class A in care with a monthly talk due, and a child of class B. */
  record Fixture(long child, long caseId, String talk, long otherChild, String otherTask, String otherStudentNo) {}

  private static Fixture fixture;
  /** The fixture's two children's student numbers, this test's own. */
  private static final String OWN_NO = TestSchool.nextStudentNo("BAD"), OTHER_NO = TestSchool.nextStudentNo("BAD");

  private synchronized Fixture fixture() {
    if (fixture == null) {
      clockAt(LocalDateTime.of(2026, 11, 2, 9, 0));
      long caseId = lifecycle.enrol("坏输入甲", school.classA.getId(), "tteacher").getId();
      school.complete(caseId, "registerChild", TestSchool.TEACHER, new HashMap<>(TestSchool.archive(OWN_NO, "BOTH_AWAY", LocalDate.of(2025, 12, 1))));
      school.complete(caseId, "verificationVisit", TestSchool.TEACHER, form("visitDate", "2026-11-02", "metWith", "祖母", "homeConditions", "好", "guardianHealth", "GOOD"));
      school.complete(caseId, "assignMentor", TestSchool.COORDINATOR, form("mentor", "tmentor"));
      school.complete(caseId, "firstMeeting", TestSchool.as("tmentor", "mentor"), form("meetingDate", "2026-11-02", "mood", "CALM", "notes", "好"));
      clockAt(LocalDateTime.of(2026, 12, 3, 10, 0));
      String talk = school.task(caseId, "monthlyTalk").getId();
      long otherCase = lifecycle.enrol("坏输入乙", school.classB.getId(), "tteacher2").getId();
      school.complete(otherCase, "registerChild", TestSchool.TEACHER2, new HashMap<>(TestSchool.archive(OTHER_NO, "BOTH_AWAY", LocalDate.of(2025, 12, 1))));
      String otherTask = school.task(otherCase, "verificationVisit").getId();
      fixture = new Fixture(cases.careCase(caseId).getChild().getId(), caseId, talk, cases.careCase(otherCase).getChild().getId(), otherTask, OTHER_NO);
    }
    clockAt(LocalDateTime.of(2026, 12, 3, 10, 0));
    return fixture;
  }

  /** One kind of bad input: what is sent, and the status and message (code and arguments) expected. */
  record Bad(String what, Function<Call, HttpResponse<String>> send, int status, String code, Object... args) {
    @Override
    public String toString() {
      return what;
    }
  }

  /** The calls a case can make, with the fixture's ids. */
  record Call(Fixture f, int port) {
    WebSession as(String user) {
      return new WebSession(port).login(user, "pw");
    }

    HttpResponse<String> post(String user, String page, String path, Map<String, List<String>> form) {
      WebSession s = as(user);
      s.get(page);
      return s.post(path, form);
    }

    HttpResponse<String> basic(String user, String path) {
      return new WebSession(port).basic(path, user, "pw");
    }

    HttpResponse<String> upload(String user, String path, String filename, byte[] file, String language) {
      return multipart(new WebSession(port), path, Map.of(filename, file), user, language);
    }

    HttpResponse<String> deploy(String name, String xml) {
      return multipart(new WebSession(port), "/engine-rest/deployment/create", Map.of(name, xml.getBytes(StandardCharsets.UTF_8)), "tcoordinator", "zh-CN");
    }

    /** The archive as the edit page posts it, with the version it shows and one field changed. */
    HttpResponse<String> edit(String field, String... values) {
      WebSession s = as("tteacher");
      String page = s.get("/children/" + f.child() + "/edit").body();
      String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
      Map<String, List<String>> form = new HashMap<>(TestSchool.archive(OWN_NO, "BOTH_AWAY", LocalDate.of(2025, 12, 1)));
      form.keySet().removeAll(List.of("consentGiven", "consentBy", "consentMethod"));
      form.put("version", List.of(version));
      form.put(field, List.of(values));
      return s.post("/children/" + f.child() + "/edit", form);
    }

    HttpResponse<String> talk(Map<String, List<String>> card) {
      return post("tteacher", "/tasks/" + f.talk(), "/tasks/" + f.talk(), card);
    }
  }

  static HttpResponse<String> multipart(WebSession s, String path, Map<String, byte[]> files, String user, String language) {
    boolean engine = path.startsWith("/engine-rest/");
    WebSession.FilePart[] parts = files.entrySet().stream()
        .map(e -> new WebSession.FilePart(engine ? e.getKey() : "file", e.getKey(), "application/octet-stream", e.getValue()))
        .toArray(WebSession.FilePart[]::new);
    return s.send(s.multipart(path, engine ? Map.of("deployment-name", "bad") : Map.of(), parts)
        .header("Authorization", WebSession.basicAuth(user, "pw"))
        .header("Accept-Language", language).build());
  }

  static final String[] HEADERS = {"学号", "姓名", "性别", "出生日期", "班级", "留守类型", "监护人姓名", "监护人关系", "监护人电话",
      "父亲姓名", "父亲电话", "父亲务工地", "母亲姓名", "母亲电话", "母亲务工地", "家庭住址"};

  static Object[] row(String studentNo) {
    return new Object[] {studentNo, "花名册生", "男", "2018-05-01", "一年级(1)班", "父母双方外出", "李奶奶", "祖母", "13712345678",
        "李大", "13812345678", "广东", "王二", "13912345678", "浙江", "测试镇"};
  }

  static Object[] row(String studentNo, int column, String value) {
    Object[] r = row(studentNo);
    r[column] = value;
    return r;
  }

  static byte[] workbook(String[] headers, Object[]... rows) {
    try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("花名册");
      Row header = sheet.createRow(0);
      for (int i = 0; i < headers.length; i++) {
        header.createCell(i).setCellValue(headers[i]);
      }
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(String.valueOf(rows[r][c]));
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] zipWithText() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("hello.txt"));
      zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String process(String id, String attributes) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://careflow.org/test">
          <bpmn:process id="%s" isExecutable="true" %s>
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(id, attributes);
  }

  static String repeat(int n) {
    return "长".repeat(n);
  }

  static Bad enrol(String what, String name, String classId, int status, String code, Object... args) {
    return new Bad("enrol: " + what, c -> {
      Map<String, List<String>> f = new LinkedHashMap<>();
      if (name != null) {
        f.put("name", List.of(name));
      }
      if (classId != null) {
        f.put("classId", List.of(classId.equals("A") ? TestSchoolIds.a : classId.equals("B") ? TestSchoolIds.b : classId));
      }
      return c.post("tteacher", "/enrol", "/enrol", f);
    }, status, code, args);
  }

  /** The classes' ids, known once the test school exists. */
  static final class TestSchoolIds {
    static String a;
    static String b;
  }

  static Bad edit(String what, String field, String value, String code, Object... args) {
    return new Bad("archive edit: " + what, c -> c.edit(field, value), 422, code, args);
  }

  static Bad talk(String what, Map<String, List<String>> card, String code, Object... args) {
    return new Bad("monthly talk: " + what, c -> c.talk(card), 422, code, args);
  }

  static Map<String, List<String>> card(String... changes) {
    Map<String, List<String>> card = new LinkedHashMap<>(Map.of("talkDate", List.of("2026-12-02"), "topics", List.of("study"), "mood", List.of("CALM")));
    for (int i = 0; i < changes.length; i += 2) {
      if (changes[i + 1] == null) {
        card.remove(changes[i]);
      } else {
        card.put(changes[i], List.of(changes[i + 1].split("\\|", -1)));
      }
    }
    return card;
  }

  static Bad roster(String what, String filename, byte[] file, int status, String code, Object... args) {
    return new Bad("roster import: " + what, c -> c.upload("tcoordinator", "/api/import/roster", filename, file, "zh-CN"), status, code, args);
  }

  /** An argument whose text is not known in advance (a parser's words): only the message around it is checked. */
  static final String ANY = "\u0000";

  static Stream<Bad> badInputs() {
    List<Bad> all = new ArrayList<>();
    String script = "<script>alert(1)</script>";
    String sql = "x'); DROP TABLE cf_child; --";
    // enrolment form
    all.add(enrol("empty name", "", "A", 422, "validation.required"));
    all.add(enrol("blank name", "   ", "A", 422, "validation.required"));
    all.add(enrol("no name at all", null, "A", 422, "validation.required"));
    all.add(enrol("name of 31 characters", repeat(31), "A", 422, "validation.tooLong", 30));
    all.add(enrol("name of 5000 characters", repeat(5000), "A", 422, "validation.tooLong", 30));
    all.add(enrol("a script as name", script, "A", 422, "validation.nameCharacters"));
    all.add(enrol("HTML as name", "<b>王</b>", "A", 422, "validation.nameCharacters"));
    all.add(enrol("an SQL fragment as name", sql, "A", 422, "validation.nameCharacters"));
    all.add(enrol("a NUL character in the name", "王\u0000明", "A", 422, "validation.nameCharacters"));
    all.add(enrol("a line break in the name", "王\n明", "A", 422, "validation.nameCharacters"));
    all.add(enrol("a template expression as name", "王${7*7}{{7*7}}", "A", 422, "validation.nameCharacters"));
    all.add(enrol("no class", "王明", null, 422, "validation.option"));
    all.add(enrol("a class id that is not a number", "王明", "abc", 400, "error.badRequest"));
    all.add(enrol("a class id too big for a number", "王明", "99999999999999999999999", 400, "error.badRequest"));
    all.add(enrol("an unknown class", "王明", "999999", 422, "validation.option"));
    all.add(enrol("a negative class id", "王明", "-1", 422, "validation.option"));
    all.add(enrol("another teacher's class", "王明", "B", 422, "validation.option"));
    // the archive edit page
    all.add(new Bad("archive edit: no version", c -> c.post("tteacher", "/children/" + c.f().child() + "/edit", "/children/" + c.f().child() + "/edit",
        Map.of("name", List.of("王小明"))), 422, "error.invalid"));
    all.add(new Bad("archive edit: a version that is not a number", c -> c.post("tteacher", "/children/" + c.f().child() + "/edit",
        "/children/" + c.f().child() + "/edit", Map.of("version", List.of("abc"), "name", List.of("王小明"))), 422, "error.invalid"));
    all.add(new Bad("archive edit: a stale version", c -> c.post("tteacher", "/children/" + c.f().child() + "/edit",
        "/children/" + c.f().child() + "/edit", new HashMap<>(Map.of("version", List.of("987"), "name", List.of("王小明")))), 409, "archive.edit.changed"));
    all.add(edit("empty name", "name", "", "validation.required"));
    all.add(edit("name too long", "name", repeat(31), "validation.tooLong", 30));
    all.add(edit("a script as name", "name", script, "validation.nameCharacters"));
    all.add(edit("an image tag as guardian's name", "guardianName", "<img src=x onerror=alert(1)>", "validation.nameCharacters"));
    all.add(edit("an SQL fragment as father's name", "fatherName", sql, "validation.nameCharacters"));
    all.add(edit("letters as phone", "guardianPhone", "abc", "validation.phone"));
    all.add(edit("a short phone", "guardianPhone", "1234", "validation.phone"));
    all.add(edit("a long phone", "guardianPhone", "1381234567890123", "validation.phone"));
    all.add(edit("no guardian's phone", "guardianPhone", "", "validation.required"));
    all.add(edit("a mobile starting 12", "fatherPhone", "12345678901", "validation.phone"));
    all.add(edit("a phone with a country code", "motherPhone", "+86 138 1234 5678", "validation.phone"));
    all.add(edit("an SQL fragment as phone", "motherPhone", "1' OR '1'='1", "validation.phone"));
    all.add(edit("30 February", "birthDate", "2019-02-30", "validation.date"));
    all.add(edit("a date in the wrong format", "birthDate", "30/02/2019", "validation.date"));
    all.add(edit("a birth date in the future", "birthDate", "2030-01-01", "validation.pastDate"));
    all.add(edit("a birth date in 1900", "birthDate", "1900-01-01", "validation.birthDate"));
    all.add(edit("a word as birth date", "birthDate", "yesterday", "validation.date"));
    all.add(edit("no birth date", "birthDate", "", "validation.required"));
    all.add(edit("an unknown sex", "sex", "X", "validation.option"));
    all.add(edit("no sex", "sex", "", "validation.required"));
    all.add(edit("an unknown care type", "careType", "ALIEN", "validation.option"));
    all.add(edit("an SQL fragment as care type", "careType", "' OR 1=1 --", "validation.option"));
    all.add(edit("a negative age", "guardianAge", "-5", "validation.range", 16, 110));
    all.add(edit("letters as age", "guardianAge", "abc", "validation.number"));
    all.add(edit("an age of 999", "guardianAge", "999", "validation.range", 16, 110));
    all.add(edit("an age in scientific notation", "guardianAge", "1e3", "validation.number"));
    all.add(edit("an age too big for a number", "guardianAge", "99999999999", "validation.number"));
    all.add(edit("a decimal age", "guardianAge", "66.5", "validation.number"));
    all.add(edit("a father away since the future", "fatherAwaySince", "2099-01-01", "validation.pastDate"));
    all.add(edit("words as a date", "motherAwaySince", "last spring", "validation.date"));
    all.add(edit("Chinese in the student number", "studentNo", "学号一", "validation.studentNo"));
    all.add(edit("a space in the student number", "studentNo", "A B", "validation.studentNo"));
    all.add(edit("a student number of 21 characters", "studentNo", "A".repeat(21), "validation.studentNo"));
    all.add(edit("another child's student number", "studentNo", OTHER_NO, "validation.studentNoTaken"));
    all.add(edit("personality too long", "personality", repeat(201), "validation.tooLong", 200));
    all.add(edit("no home address", "homeAddress", "", "validation.required"));
    all.add(edit("home address too long", "homeAddress", repeat(201), "validation.tooLong", 200));
    all.add(edit("a bell character in the health notes", "health", "好\u0007", "validation.characters"));
    all.add(edit("hardship too long", "hardship", repeat(301), "validation.tooLong", 300));
    all.add(edit("guardian's occupation too long", "guardianOccupation", repeat(51), "validation.tooLong", 50));
    all.add(new Bad("archive edit: two values for one choice", c -> c.edit("sex", "M", "F"), 422, "validation.option"));
    all.add(new Bad("archive edit: an unknown child", c -> c.post("tteacher", "/", "/children/999999/edit", Map.of("version", List.of("0"))), 404, "error.notFound"));
    all.add(new Bad("archive edit: another class's child", c -> c.post("tteacher", "/", "/children/" + c.f().otherChild() + "/edit",
        Map.of("version", List.of("0"), "name", List.of("改名"))), 404, "error.notFound"));
    all.add(new Bad("archive edit: a child id that is not a number", c -> c.post("tteacher", "/", "/children/abc/edit", Map.of("version", List.of("0"))), 400, "error.badRequest"));
    all.add(new Bad("archive edit page of another class's child", c -> c.as("tteacher").get("/children/" + c.f().otherChild() + "/edit"), 404, "error.notFound"));
    // task forms
    all.add(talk("no date", card("talkDate", null), "task.fixErrors"));
    all.add(talk("an impossible date", card("talkDate", "2026-13-45"), "task.fixErrors"));
    all.add(talk("30 February", card("talkDate", "2026-02-30"), "task.fixErrors"));
    all.add(talk("a script as date", card("talkDate", script), "task.fixErrors"));
    all.add(talk("a date in the future", card("talkDate", "2026-12-25"), "task.fixErrors"));
    all.add(talk("a date years ago", card("talkDate", "2020-01-01"), "task.fixErrors"));
    all.add(talk("an unknown mood", card("mood", "HAPPYX"), "task.fixErrors"));
    all.add(talk("no mood", card("mood", null), "task.fixErrors"));
    all.add(talk("an SQL fragment as mood", card("mood", "CALM' OR '1'='1"), "task.fixErrors"));
    all.add(talk("an unknown topic", card("topics", "hacking"), "task.fixErrors"));
    all.add(talk("no topic", card("topics", null), "task.fixErrors"));
    all.add(talk("concerns too long", card("concerns", repeat(501)), "task.fixErrors"));
    all.add(talk("follow-up too long", card("followUp", repeat(501)), "task.fixErrors"));
    all.add(talk("a NUL character in the concerns", card("concerns", "好\u0000"), "task.fixErrors"));
    all.add(new Bad("task: an unknown task", c -> c.post("tteacher", "/", "/tasks/no-such-task", card()), 404, "error.notFound"));
    all.add(new Bad("task: another class's task", c -> c.post("tteacher", "/", "/tasks/" + c.f().otherTask(),
        Map.of("visitDate", List.of("2026-12-01"), "metWith", List.of("x"), "homeConditions", List.of("x"), "guardianHealth", List.of("GOOD"))), 404, "error.notFound"));
    all.add(new Bad("task page of another class's task", c -> c.as("tteacher").get("/tasks/" + c.f().otherTask()), 404, "error.notFound"));
    all.add(new Bad("task: an empty comment", c -> c.post("tteacher", "/tasks/" + c.f().talk(), "/tasks/" + c.f().talk() + "/comments",
        Map.of("text", List.of("  "))), 422, "validation.required"));
    all.add(new Bad("task: a comment too long", c -> c.post("tteacher", "/tasks/" + c.f().talk(), "/tasks/" + c.f().talk() + "/comments",
        Map.of("text", List.of(repeat(501)))), 422, "validation.tooLong", 500));
    all.add(new Bad("task: a comment on another class's task", c -> c.post("tteacher", "/", "/tasks/" + c.f().otherTask() + "/comments",
        Map.of("text", List.of("hello"))), 404, "error.notFound"));
    all.add(new Bad("task: handed over to nobody", c -> c.post("tteacher", "/tasks/" + c.f().talk(), "/tasks/" + c.f().talk() + "/handover",
        Map.of("colleague", List.of("nobody"))), 422, "validation.option"));
    all.add(new Bad("task: handed over to a script", c -> c.post("tteacher", "/tasks/" + c.f().talk(), "/tasks/" + c.f().talk() + "/handover",
        Map.of("colleague", List.of(script))), 422, "validation.option"));
    // closing a case
    all.add(new Bad("close: an unknown case", c -> c.post("tcoordinator", "/", "/cases/999999/close",
        Map.of("reason", List.of("OTHER"), "childId", List.of("1"))), 404, "error.notFound"));
    all.add(new Bad("close: an unknown reason", c -> c.post("tcoordinator", "/", "/cases/" + c.f().caseId() + "/close",
        Map.of("reason", List.of("EVIL"), "childId", List.of(String.valueOf(c.f().child())))), 422, "validation.option"));
    all.add(new Bad("close: a note too long", c -> c.post("tcoordinator", "/", "/cases/" + c.f().caseId() + "/close",
        Map.of("reason", List.of("OTHER"), "note", List.of(repeat(301)), "childId", List.of(String.valueOf(c.f().child())))), 422, "validation.tooLong", 300));
    all.add(new Bad("close: by a class teacher", c -> c.post("tteacher", "/", "/cases/" + c.f().caseId() + "/close",
        Map.of("reason", List.of("OTHER"), "childId", List.of(String.valueOf(c.f().child())))), 404, "error.notFound"));
    all.add(new Bad("close: a child id that is not a number", c -> c.post("tcoordinator", "/", "/cases/" + c.f().caseId() + "/close",
        Map.of("reason", List.of("OTHER"), "childId", List.of("abc"))), 400, "error.badRequest"));
    all.add(new Bad("close: no child id", c -> c.post("tcoordinator", "/", "/cases/" + c.f().caseId() + "/close",
        Map.of("reason", List.of("OTHER"))), 400, "error.badRequest"));
    // pages with unknown or foreign ids
    all.add(new Bad("child page: an id that is not a number", c -> c.as("tteacher").get("/children/abc"), 400, "error.badRequest"));
    all.add(new Bad("child page: an unknown child", c -> c.as("tteacher").get("/children/999999"), 404, "error.notFound"));
    all.add(new Bad("child page: another class's child", c -> c.as("tteacher").get("/children/" + c.f().otherChild()), 404, "error.notFound"));
    all.add(new Bad("audit page: a child id that is not a number", c -> c.as("tsupervisor").get("/audit?child=abc"), 400, "error.badRequest"));
    all.add(new Bad("design: a path out of the deployment", c -> c.as("tcoordinator").get("/design/file?deployment=x&resource=../../etc/passwd"), 404, "error.notFound"));
    // JSON APIs
    all.add(new Bad("audit API: a child id that is not a number", c -> c.basic("tsupervisor", "/api/audit?child=abc"), 400, "error.badRequest"));
    all.add(new Bad("audit API: a limit that is not a number", c -> c.basic("tsupervisor", "/api/audit?limit=ten"), 400, "error.badRequest"));
    all.add(new Bad("oversight API: an unknown grouping", c -> c.basic("tsupervisor", "/api/oversight/overdue?groupBy=%3Cscript%3E"), 422, "oversight.groupBy.invalid", "<script>"));
    all.add(new Bad("oversight API: a term that is not a number", c -> c.basic("tsupervisor", "/api/oversight/targets?term=abc"), 400, "oversight.param.invalid", "term"));
    all.add(new Bad("oversight API: an unknown term", c -> c.basic("tsupervisor", "/api/oversight/targets?term=987654"), 422, "oversight.term.unknown", "987654"));
    all.add(new Bad("export API: a child id that is not a number", c -> c.basic("tadmin", "/api/admin/children/abc/export"), 400, "error.badRequest"));
    all.add(new Bad("export API: an unknown child", c -> c.basic("tadmin", "/api/admin/children/999999/export"), 404, "error.notFound"));
    // roster import (files)
    all.add(new Bad("roster import: no file", c -> multipart(new WebSession(c.port()), "/api/import/roster", Map.of(), "tcoordinator", "zh-CN"), 422, "import.noFile"));
    all.add(roster("an empty file", "roster.xlsx", new byte[0], 422, "import.noFile"));
    all.add(roster("a text file", "roster.xlsx", "学号,姓名\nA1,王".getBytes(StandardCharsets.UTF_8), 422, "import.notXlsx"));
    all.add(roster("random bytes", "roster.xlsx", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0, 0, (byte) 0xff}, 422, "import.notXlsx"));
    all.add(roster("a zip that is no workbook", "roster.xlsx", zipWithText(), 422, "import.notXlsx"));
    all.add(roster("a workbook truncated in the middle", "roster.xlsx", java.util.Arrays.copyOf(workbook(HEADERS, row("R001")), 900), 422, "import.notXlsx"));
    all.add(roster("wrong columns", "roster.xlsx", workbook(new String[] {"foo", "bar"}, new Object[] {"1", "2"}), 422, "import.missingColumn", "学号"));
    all.add(roster("a header and no rows", "roster.xlsx", workbook(HEADERS), 422, "import.empty"));
    all.add(roster("a bad phone in a row", "roster.xlsx", workbook(HEADERS, row("R002", 8, "12345")), 422, "validation.phone"));
    all.add(roster("an unknown class in a row", "roster.xlsx", workbook(HEADERS, row("R003", 4, "九年级(9)班")), 422, "import.unknownClass", "九年级(9)班"));
    all.add(roster("one student number twice", "roster.xlsx", workbook(HEADERS, row("R004"), row("R004")), 422, "import.duplicateStudentNo", 2));
    all.add(roster("a script as a name", "roster.xlsx", workbook(HEADERS, row("R005", 1, script)), 422, "validation.nameCharacters"));
    all.add(roster("an unknown care type", "roster.xlsx", workbook(HEADERS, row("R006", 5, "出国")), 422, "import.unknownValue", "出国", ANY));
    all.add(roster("an impossible birth date", "roster.xlsx", workbook(HEADERS, row("R007", 3, "2019-02-30")), 422, "validation.date"));
    all.add(roster("a student number with spaces", "roster.xlsx", workbook(HEADERS, row("R 008")), 422, "validation.studentNo"));
    all.add(roster("a file over 10 MB", "roster.xlsx", new byte[11 * 1024 * 1024], 413, "error.tooLarge", 10L));
    // BPMN deployments
    all.add(new Bad("deployment: malformed XML", c -> c.deploy("broken.bpmn", "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"x\""), 400, "rules.unreadable", "broken.bpmn", ANY));
    all.add(new Bad("deployment: not XML at all", c -> c.deploy("hello.bpmn", "hello world"), 400, "rules.unreadable", "hello.bpmn", ANY));
    all.add(new Bad("deployment: an external entity (XXE)", c -> c.deploy("xxe.bpmn", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + process("xxe", "camunda:historyTimeToLive=\"180\"").replaceFirst("<\\?xml[^>]*>", "").replace("id=\"d\"", "id=\"&x;\"")), 400, "rules.unreadable", "xxe.bpmn", ANY));
    all.add(new Bad("deployment: no history time to live", c -> c.deploy("no-ttl.bpmn", process("no-ttl", "")), 400, "rules.refused"));
    return all.stream();
  }

  /** What a bad input must leave unchanged: every table's rows, the archive's versions, the engine's state. */
  private Map<String, Long> snapshot() {
    Map<String, Long> s = new LinkedHashMap<>();
    for (String table : List.of("cf_child", "cf_case", "cf_archive_change", "cf_monthly_talk", "cf_home_visit", "cf_mentor_check_in",
        "cf_pairing", "cf_task_comment", "cf_term_review", "cf_deployment_record", "ACT_RU_TASK", "ACT_RU_EXECUTION",
        "ACT_RU_VARIABLE", "ACT_HI_PROCINST", "ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF", "ACT_RU_IDENTITYLINK")) {
      s.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    s.put("cf_child versions", jdbc.queryForObject("select coalesce(sum(version), 0) from cf_child", Long.class));
    s.put("cf_case versions", jdbc.queryForObject("select coalesce(sum(version), 0) from cf_case", Long.class));
    s.put("audited changes", jdbc.queryForObject("select count(*) from cf_audit where action <> 'READ_CHILD'", Long.class));
    s.put("finished tasks", jdbc.queryForObject("select count(*) from ACT_HI_TASKINST where END_TIME_ is not null", Long.class));
    s.put("assigned tasks", jdbc.queryForObject("select count(*) from ACT_RU_TASK where ASSIGNEE_ is not null", Long.class));
    return s;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void isRefusedClearlyAndWritesNothing(Bad bad) {
    TestSchoolIds.a = school.classA.getId().toString();
    TestSchoolIds.b = school.classB.getId().toString();
    Fixture f = fixture();
    Map<String, Long> before = snapshot();
    HttpResponse<String> r = bad.send().apply(new Call(f, port));
    String expected = messages.getMessage(bad.code(), bad.args(), Locale.SIMPLIFIED_CHINESE);
    String body = org.springframework.web.util.HtmlUtils.htmlUnescape(r.body());
    assertThat(r.statusCode()).as("status of %s: %s", bad, body.length() > 2000 ? body.substring(0, 2000) : body).isEqualTo(bad.status());
    for (String part : expected.split("\u0000")) {
      assertThat(body).as("the message of %s", bad).contains(part);
    }
    // no stack trace and no Java class names (the engine REST API's own error type field aside)
    assertThat(body).doesNotContain("\tat ", "at org.", "at java.", "Whitelabel", "Stacktrace", "trace\":");
    assertThat(body).doesNotContainPattern("(java|javax|jakarta|org|com)\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)");
    assertThat(snapshot()).as("nothing written by %s", bad).isEqualTo(before);
  }
}
