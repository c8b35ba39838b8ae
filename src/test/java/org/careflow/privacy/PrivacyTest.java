package org.careflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careflow.TestSchool.clockAt;
import static org.careflow.TestSchool.form;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.child.CareCases;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.inbox.TaskWork;
import org.careflow.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** PIPL: consent before the archive, an administrator's export of one child's whole file, anonymisation after retention. */
class PrivacyTest extends CareflowTest {

  @Autowired CaseLifecycle lifecycle;
  @Autowired CareCases cases;
  @Autowired JdbcTemplate jdbc;
  @Autowired Retention retention;
  @Autowired TaskWork work;

  /** ASCII marks in every kind of personal data, so that a dump of the whole database can be searched for them. */
  static List<String> marks(String no) {
    String digits = no.replaceAll("\\D", "");
    return List.of("Qxname" + no, "13911110" + digits, "13922220" + digits, "Qxaddress" + no, "Qxguardian" + no,
        "Qxmetwith" + no, "Qxhome" + no, "Qxnote" + no, "Qxcomment" + no, "Qxhealth" + no);
  }

  private long caseWithMarks(String studentNo) {
    clockAt(LocalDateTime.of(2026, 11, 2, 9, 0));
    List<String> m = marks(studentNo);
    long caseId = lifecycle.enrol(m.get(0), school.classA.getId(), "tteacher").getId();
    Map<String, List<String>> a = new HashMap<>(TestSchool.archive(studentNo, "BOTH_AWAY", LocalDate.of(2025, 12, 1)));
    a.put("name", List.of(m.get(0)));
    a.put("fatherPhone", List.of(m.get(1)));
    a.put("guardianPhone", List.of(m.get(2)));
    a.put("homeAddress", List.of(m.get(3) + " village"));
    a.put("guardianName", List.of(m.get(4)));
    a.put("consentBy", List.of(m.get(4)));
    a.put("health", List.of(m.get(9) + " asthma"));
    school.complete(caseId, "registerChild", TestSchool.TEACHER, a);
    var visit = school.task(caseId, "verificationVisit");
    work.comment(visit.getId(), TestSchool.TEACHER, m.get(8) + " phone the grandmother first");
    work.complete(visit.getId(), TestSchool.TEACHER, form("visitDate", "2026-11-02", "metWith", m.get(5), "homeConditions", m.get(6), "guardianHealth", "GOOD"));
    return caseId;
  }

  @Test
  void beforeConsentOnlyNameAndClassAreKeptAndTheArchiveNeedsConsent() {
    clockAt(LocalDateTime.of(2026, 11, 2, 9, 0));
    long caseId = lifecycle.enrol("Qxbefore", school.classA.getId(), "tteacher").getId();
    long childId = cases.careCase(caseId).getChild().getId();
    Map<String, Object> row = jdbc.queryForMap("select * from cf_child where id = ?", childId);
    row.forEach((column, value) -> {
      if (!List.of("ID", "NAME", "SCHOOL_CLASS_ID", "VERSION", "BOARDING", "SUBSIDY", "KEY_SUPPORT").contains(column)) {
        assertThat(value).as(column).isNull();
      }
    });
    assertThat(row.get("BOARDING")).isEqualTo(false);
    // the registration without the guardian's consent is refused and writes nothing
    Map<String, List<String>> noConsent = new HashMap<>(TestSchool.archive("PRV000", "BOTH_AWAY", LocalDate.of(2025, 12, 1)));
    noConsent.remove("consentGiven");
    assertThatThrownBy(() -> school.complete(caseId, "registerChild", TestSchool.TEACHER, noConsent))
        .isInstanceOf(InvalidInputException.class);
    assertThat(jdbc.queryForMap("select * from cf_child where id = ?", childId)).isEqualTo(row);
    // and the edit page is not offered before consent
    assertThat(browser().login("tteacher", "pw").get("/children/" + childId + "/edit").body()).contains("监护人同意");
  }

  @Test
  void anAdministratorExportsEverythingHeldAboutOneChildAndTheExportIsAudited() throws Exception {
    long caseId = caseWithMarks("PRV001");
    long childId = cases.careCase(caseId).getChild().getId();
    var api = browser();
    HttpResponse<String> r = api.basic("/api/admin/children/" + childId + "/export", "tadmin", "pw");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("child-" + childId + ".json"));
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    assertThat(json.path("child").path("NAME").asText()).isEqualTo("QxnamePRV001");
    assertThat(json.path("child").path("GUARDIAN_PHONE").asText()).isEqualTo(marks("PRV001").get(2));
    assertThat(json.path("archiveHistory").size()).isGreaterThan(5);
    assertThat(json.path("cases").get(0).path("ID").asLong()).isEqualTo(caseId);
    assertThat(json.path("records").path("cf_home_visit").get(0).path("MET_WITH").asText()).isEqualTo("QxmetwithPRV001");
    assertThat(json.path("taskComments").get(0).path("TEXT").asText()).contains("Qxcomment");
    assertThat(r.body()).contains("\"key\":\"registerChild\"", "\"key\":\"verificationVisit\"");
    assertThat(json.path("engineHistory").get(0).path("tasks").size()).isGreaterThanOrEqualTo(2);
    assertThat(json.path("audit").size()).isGreaterThan(1);
    // admins only; the export itself is in the audit trail
    assertThat(api.basic("/api/admin/children/" + childId + "/export", "tsupervisor", "pw").statusCode()).isEqualTo(403);
    assertThat(api.basic("/api/admin/children/" + childId + "/export", "tteacher", "pw").statusCode()).isEqualTo(403);
    assertThat(api.get("/api/admin/children/" + childId + "/export").statusCode()).isEqualTo(401);
    assertThat(api.basic("/api/admin/children/999999999/export", "tadmin", "pw").statusCode()).isEqualTo(404);
    assertThat(api.basic("/api/audit?child=" + childId, "tsupervisor", "pw").body()).contains("\"action\":\"EXPORT\"", "\"actor\":\"tadmin\"");
  }

  private String databaseDump() {
    StringBuilder all = new StringBuilder();
    jdbc.query("SCRIPT", rs -> {
      all.append(rs.getString(1)).append('\n');
    });
    return all.toString();
  }

  @Test
  void aClosedCaseIsAnonymisedOnceTheRetentionPeriodIsOverInTheTablesAndTheEngineHistory() {
    long caseId = caseWithMarks("PRV002");
    long childId = cases.careCase(caseId).getChild().getId();
    String processInstance = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("child-case").processInstanceBusinessKey(Long.toString(caseId)).singleResult().getId();
    clockAt(LocalDateTime.of(2026, 11, 20, 9, 0));
    lifecycle.close(caseId, "PARENTS_RETURNED", marks("PRV002").get(7) + " parents back from Shenzhen", "tcoordinator");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstance).finished().count()).isEqualTo(1);

    // a support plan with its review, written while the case ran
    java.time.OffsetDateTime written = java.time.OffsetDateTime.of(2026, 10, 5, 9, 0, 0, 0, java.time.ZoneOffset.UTC);
    jdbc.update("insert into cf_support_plan (case_id, status, reason, opened_at, problems, goals, actions, responsibilities) "
        + "values (?, 'CLOSED', 'REQUESTED', ?, 'QxplanPRV002', 'QxgoalPRV002', 'QxactPRV002', 'QxwhoPRV002')", caseId, written);
    long planId = jdbc.queryForObject("select max(id) from cf_support_plan where case_id = ?", Long.class, caseId);
    jdbc.update("insert into cf_support_plan_review (plan_id, review_date, progress, recommendation, next_steps, written_by, written_at) "
        + "values (?, ?, 'QxprogressPRV002', 'CONTINUE', 'QxnextPRV002', 'tteacher', ?)", planId, java.time.LocalDate.of(2026, 10, 19), written);

    // a day before the end of the retention period (3 years by default) nothing happens
    assertThat(retention.days()).isEqualTo(1095);
    clockAt(LocalDateTime.of(2026, 11, 20, 9, 0).plusDays(1094));
    assertThat(retention.due()).doesNotContain(childId);
    retention.run();
    assertThat(jdbc.queryForObject("select name from cf_child where id = ?", String.class, childId)).isEqualTo("QxnamePRV002");

    // the nightly run after it anonymises the child, its records and the engine's history of the case
    clockAt(LocalDateTime.of(2026, 11, 20, 9, 0).plusDays(1096));
    assertThat(retention.due()).contains(childId);
    assertThat(retention.run()).isPositive();
    Map<String, Object> row = jdbc.queryForMap("select * from cf_child where id = ?", childId);
    assertThat(row.get("NAME")).isEqualTo("已匿名");
    assertThat(row.get("ANONYMISED_AT")).isNotNull();
    assertThat(row.get("CARE_TYPE")).isEqualTo("BOTH_AWAY"); // what the statistics need stays
    for (String column : List.of("STUDENT_NO", "GUARDIAN_PHONE", "FATHER_PHONE", "HOME_ADDRESS", "GUARDIAN_NAME", "HEALTH", "BIRTH_DATE", "CONSENT_BY")) {
      assertThat(row.get(column)).as(column).isNull();
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstance).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(processInstance).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstance).count()).isZero();
    String dump = databaseDump();
    for (String mark : List.of("QxplanPRV002", "QxgoalPRV002", "QxactPRV002", "QxwhoPRV002", "QxprogressPRV002", "QxnextPRV002")) {
      assertThat(dump.contains(mark)).as("support plan text %s is still in the database", mark).isFalse();
    }
    for (String mark : marks("PRV002")) {
      assertThat(dump.contains(mark)).as("%s is still in the database", mark).isFalse();
    }
    // the audit trail keeps who did what, and says the child was anonymised
    List<String> actions = jdbc.queryForList("select action from cf_audit where child_id = ?", String.class, childId);
    assertThat(actions).contains("ENROL", "UPDATE_ARCHIVE", "RECORD", "CLOSE_CASE", "ANONYMISE");
    // the records themselves are still counted (the kinds and dates of the work done)
    assertThat(jdbc.queryForObject("select count(*) from cf_home_visit where case_id = ?", Integer.class, caseId)).isEqualTo(1);
    // the next run finds nothing more to do for this child
    assertThat(retention.due()).doesNotContain(childId);
  }
}
