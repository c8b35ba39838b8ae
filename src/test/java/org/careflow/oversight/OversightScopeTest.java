package org.careflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careflow.TestSchool.clockAt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDateTime;
import org.careflow.CareflowTest;
import org.careflow.SecondSchool;
import org.careflow.WebSession;
import org.careflow.identity.Accounts;
import org.careflow.identity.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A supervisor sees their own schools in /api/oversight/*: school 1's supervisor none of school 2's
 * classes, teachers, overdue work, cases or terms; school 2's supervisor exactly school 2's overdue
 * tasks; an administrator both.
 */
class OversightScopeTest extends CareflowTest {

  @Autowired SecondSchool second;
  @Autowired Accounts accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired OversightQueries queries;
  @Autowired java.util.List<org.careflow.shared.CaseScopes> caseScopes;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void secondSchool() {
    second.ensure();
    // school 2's two tasks (archive, pairing) fell due in mid-September: overdue now
    clockAt(LocalDateTime.of(2026, 10, 25, 10, 0));
  }

  private JsonNode api(String path, String user) {
    var r = browser().basic(path, user, "pw");
    assertThat(r.statusCode()).as(user + " " + path).isEqualTo(200);
    try {
      return json.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static long overdue(JsonNode rows) {
    long n = 0;
    for (JsonNode r : rows) {
      n += r.path("overdue").asLong();
    }
    return n;
  }

  @Test
  void aSupervisorOfSchool1SeesNoneOfSchool2() {
    String classD = second.classD.getId().toString();
    for (String g : new String[] {"class", "teacher", "obligation"}) {
      JsonNode mine = api("/api/oversight/overdue?groupBy=" + g, "tsupervisor");
      assertThat(mine.toString()).doesNotContain(SecondSchool.CLASS_NAME, "tteacher3", "第二校班主任");
      for (JsonNode r : mine) {
        assertThat(r.path("key").asText()).isNotEqualTo(classD);
      }
    }
    // school 2's overdue tasks, counted straight from the tables (at least the fixture's two): those of its
    // cases (child-case and the processes it calls, business key = the case id) and of its class's
    // guardian meetings (business key = the meeting id)
    java.sql.Timestamp at = java.sql.Timestamp.from(LocalDateTime.of(2026, 10, 25, 10, 0).atZone(org.careflow.TestSchool.ZONE).toInstant());
    long overdue2 = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION pi ON pi.ID_ = t.PROC_INST_ID_"
        + " JOIN cf_case c ON CAST(c.id AS VARCHAR(20)) = pi.BUSINESS_KEY_ AND t.PROC_DEF_ID_ NOT LIKE 'guardian-meeting:%'"
        + " JOIN cf_child ch ON ch.id = c.child_id WHERE ch.school_class_id = ? AND t.DUE_DATE_ < ?", Long.class,
        second.classD.getId(), at)
        + jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION pi ON pi.ID_ = t.PROC_INST_ID_"
        + " JOIN cf_guardian_meeting m ON CAST(m.id AS VARCHAR(20)) = pi.BUSINESS_KEY_ AND t.PROC_DEF_ID_ LIKE 'guardian-meeting:%'"
        + " WHERE m.class_id = ? AND t.DUE_DATE_ < ?", Long.class, second.classD.getId(), at);
    // and of the processes about something else (prefixed business keys: absence-, referral-, class- …), where
    // the module owning the process places the instance
    for (org.camunda.bpm.engine.task.Task t : engine.getTaskService().createTaskQuery().dueBefore(java.util.Date.from(at.toInstant())).list()) {
      var pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
      String key = pi == null ? null : pi.getBusinessKey();
      if (key == null || key.matches("\\d+")) {
        continue; // a case's or a meeting's: counted above
      }
      String processKey = pi.getProcessDefinitionId().substring(0, pi.getProcessDefinitionId().indexOf(':'));
      if (caseScopes.stream().filter(s -> s.processKeys().contains(processKey)).findFirst().flatMap(s -> s.scopeOf(key))
          .filter(s -> s.classId() == second.classD.getId()).isPresent()) {
        overdue2++;
      }
    }
    assertThat(overdue2).isGreaterThanOrEqualTo(2);
    JsonNode school2 = api("/api/oversight/overdue?groupBy=class", "tsupervisor2");
    assertThat(school2).hasSize(1);
    assertThat(school2.get(0).path("key").asText()).isEqualTo(classD);
    assertThat(school2.get(0).path("overdue").asLong()).isEqualTo(overdue2);
    assertThat(overdue(api("/api/oversight/overdue?groupBy=teacher", "tsupervisor2"))).isEqualTo(overdue2);
    assertThat(overdue(api("/api/oversight/overdue?groupBy=obligation", "tsupervisor2"))).isEqualTo(overdue2);
    // the administrator's figures hold both schools' (and those of schools and school-less processes
    // other tests made)
    long admin = overdue(api("/api/oversight/overdue?groupBy=obligation", "tadmin"));
    long school1 = overdue(api("/api/oversight/overdue?groupBy=obligation", "tsupervisor"));
    assertThat(admin).isGreaterThanOrEqualTo(school1 + overdue2);
    assertThat(overdue(api("/api/oversight/overdue?groupBy=class", "tsupervisor"))).isEqualTo(school1);
  }

  @Test
  void theTargetsCountTheirOwnSchoolsCasesAndTermsOnly() {
    JsonNode s1 = api("/api/oversight/targets", "tsupervisor");
    JsonNode s2 = api("/api/oversight/targets", "tsupervisor2");
    JsonNode all = api("/api/oversight/targets?term=" + s1.path("term").path("id").asLong(), "tadmin");
    long school2Cases = jdbc.queryForObject("SELECT COUNT(*) FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id"
        + " JOIN cf_class cl ON cl.id = ch.school_class_id WHERE cl.school_id = ? AND c.status <> 'NOT_ELIGIBLE'", Long.class,
        second.school.getId());
    assertThat(s2.path("cases").asLong()).isEqualTo(school2Cases);
    // school 1's supervisor gets school 1's figures, none of school 2's; the administrator's hold both (and
    // those of the schools other tests make for themselves)
    assertThat(s1.path("cases").asLong()).isEqualTo(queries.targets(null, Scope.schools(java.util.Set.of(school.classA.getSchool().getId()))).cases());
    assertThat(all.path("cases").asLong()).isGreaterThanOrEqualTo(s1.path("cases").asLong() + school2Cases);
    // each sees their own school's term; another school's is unknown (422, as any unknown term)
    assertThat(s2.path("term").path("id").asLong()).isNotEqualTo(s1.path("term").path("id").asLong());
    assertThat(browser().basic("/api/oversight/targets?term=" + s2.path("term").path("id").asLong(), "tsupervisor", "pw").statusCode())
        .isEqualTo(422);
  }

  @Test
  void aSupervisorInNoSchoolSeesEmptyFiguresAndATeacherIsRefused() {
    accounts.ensureUser("tsupervisor0", "未分配校长", "pw", Roles.SUPERVISOR);
    assertThat(api("/api/oversight/overdue?groupBy=class", "tsupervisor0")).isEmpty();
    WebSession s = browser();
    assertThat(s.basic("/api/oversight/overdue?groupBy=class", "tteacher", "pw").statusCode()).isEqualTo(403);
    assertThat(s.basic("/api/oversight/targets", "tteacher3", "pw").statusCode()).isEqualTo(403);
  }
}
