package org.careflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.clockAt;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.child.CareCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The application's log never holds a child's personal data: typical work (enrolment, registration,
 * bad input, the child's page, an archive edit and a clash, a roster import, an export, closing the
 * case), with careflow's own loggers at DEBUG, and the captured output searched for every value.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLogTest extends CareflowTest {

  @Autowired LoggingSystem logging;
  @Autowired CareCases cases;

  static final List<String> PERSONAL = List.of("Lgname", "13655501234", "13655505678", "Lgaddress", "Lgguardian", "Lgfather",
      "Lgnote", "Lgroster", "1365550999", "Lgconcern");

  @Test
  void typicalWorkLeavesNoChildsPersonalDataInTheLog(CapturedOutput output) {
    logging.setLogLevel("org.careflow", LogLevel.DEBUG);
    logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
    try {
      clockAt(LocalDateTime.of(2026, 11, 2, 9, 0));
      WebSession teacher = browser().login("tteacher", "pw");
      teacher.get("/enrol");
      assertThat(teacher.post("/enrol", Map.of("name", List.of("<b>Lgname</b>"), "classId", List.of(school.classA.getId().toString()))).statusCode()).isEqualTo(422);
      HttpResponse<String> enrolled = teacher.post("/enrol", Map.of("name", List.of("Lgname甲"), "classId", List.of(school.classA.getId().toString())));
      long childId = Long.parseLong(enrolled.headers().firstValue("Location").orElseThrow().replaceAll(".*/children/(\\d+).*", "$1"));
      long caseId = cases.casesOfChild(childId).get(0).getId();
      String register = school.task(caseId, "registerChild").getId();
      Map<String, List<String>> archive = new HashMap<>(TestSchool.archive(TestSchool.nextStudentNo("LOG"), "BOTH_AWAY", LocalDate.of(2025, 12, 1)));
      archive.put("name", List.of("Lgname甲"));
      archive.put("guardianPhone", List.of("13655501234"));
      archive.put("fatherPhone", List.of("1365550567")); // one digit short: refused first
      archive.put("homeAddress", List.of("Lgaddress 3组"));
      archive.put("guardianName", List.of("Lgguardian"));
      archive.put("fatherName", List.of("Lgfather"));
      teacher.get("/tasks/" + register);
      assertThat(teacher.post("/tasks/" + register, archive).statusCode()).isEqualTo(422);
      archive.put("fatherPhone", List.of("13655505678"));
      assertThat(teacher.post("/tasks/" + register, archive).statusCode()).isEqualTo(302);
      assertThat(teacher.post("/tasks/" + register, archive).statusCode()).isEqualTo(409);
      assertThat(teacher.get("/children/" + childId).body()).contains("Lgaddress");

      // an edit and a clash over the same archive
      String edit = teacher.get("/children/" + childId + "/edit").body();
      String version = edit.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
      archive.keySet().removeAll(List.of("consentGiven", "consentBy", "consentMethod"));
      archive.put("version", List.of(version));
      archive.put("hardship", List.of("Lgconcern 祖母生病"));
      assertThat(teacher.post("/children/" + childId + "/edit", archive).statusCode()).isEqualTo(302);
      teacher.get("/children/" + childId + "/edit");
      assertThat(teacher.post("/children/" + childId + "/edit", archive).statusCode()).isEqualTo(409);

      // a roster refused for one row's phone, the export, closing the case with a note
      byte[] roster = BadInputTest.workbook(BadInputTest.HEADERS, BadInputTest.row("LOG002", 1, "Lgroster"), BadInputTest.row("LOG003", 8, "1365550999"));
      assertThat(BadInputTest.multipart(browser(), "/api/import/roster", Map.of("r.xlsx", roster), "tcoordinator", "zh-CN").statusCode()).isEqualTo(422);
      assertThat(browser().basic("/api/admin/children/" + childId + "/export", "tadmin", "pw").body()).contains("Lgguardian");
      WebSession coordinator = browser().login("tcoordinator", "pw");
      coordinator.get("/children/" + childId);
      assertThat(coordinator.post("/cases/" + caseId + "/close", Map.of("reason", List.of("OTHER"), "note", List.of("Lgnote 转学"),
          "childId", List.of(String.valueOf(childId)))).statusCode()).isEqualTo(302);
      // and a lock-out, whose warning shows that the log is captured here at all
      for (int i = 0; i < 5; i++) {
        browser().basic("/api/audit", "tlogcheck", "wrong");
      }
    } finally {
      logging.setLogLevel("org.careflow", null);
      logging.setLogLevel("org.springframework.web", null);
    }
    String log = output.getAll();
    assertThat(log).contains("login locked for a user name", "POST \"/enrol\"");
    for (String value : PERSONAL) {
      assertThat(log.contains(value)).as("%s appears in the log", value).isFalse();
    }
  }
}
