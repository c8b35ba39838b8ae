package org.careflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.careflow.enrolment.RosterImport;
import org.careflow.inbox.TaskWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two careflow nodes on one PostgreSQL with their job executors on, started at the same moment on an
 * empty database, as a county's two servers would be: one schema, one deployment. Then a few hundred
 * cases' weekly timers fall due at once (Monday 00:00: next week's check-in, and last week's
 * reminder), and the two job executors share them: every timer runs exactly once and makes its task
 * or reminder exactly once, none is lost, and a task completed on one node is gone on the other.
 */
class ClusterTest {

  static final int CASES = 200;
  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    ClockUtil.reset();
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void twoNodesTurnEveryDueTimerIntoItsTaskExactlyOnce() throws Exception {
    TestSchool.clockAt(LocalDateTime.of(2026, 9, 15, 10, 0)); // a Tuesday in the autumn term
    try (ClusterNodes cluster = ClusterNodes.start(postgres.getJdbcUrl("postgres", "postgres"), "postgres", 2)) {
      RepositoryService repository = cluster.engine(1).getRepositoryService();
      assertThat(repository.createDeploymentQuery().count()).as("both nodes deployed the same models at once: one deployment").isEqualTo(1);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("child-case").count()).isEqualTo(1);
      for (int i = 1; i <= 2; i++) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) cluster.engine(i).getProcessEngineConfiguration();
        assertThat(config.getJobExecutor().isActive()).as("the job executor runs").isTrue();
        assertThat(config.isJobExecutorDeploymentAware()).as("jobs of any deployment run on any node").isFalse();
      }
      JdbcTemplate jdbc = cluster.bean(1, JdbcTemplate.class);
      assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'cf_ix_task_assignee_due'", Integer.class))
          .as("careflow's index on the engine's task table").isEqualTo(1);

      // a class's roster imported on node 1; every case moved on to the term's weekly and monthly care
      TestSchool school = cluster.bean(1, TestSchool.class).ensure();
      RosterImport.Result imported = cluster.bean(1, RosterImport.class).importRoster(
          new ByteArrayInputStream(ClusterNodes.roster(CASES, "K", school.classA.getName())), Map.of(school.classA.getName(), school.classA), "tcoordinator");
      assertThat(imported.created()).isEqualTo(CASES);
      RuntimeService runtime = cluster.engine(1).getRuntimeService();
      List<ProcessInstance> cases = runtime.createProcessInstanceQuery().processDefinitionKey("child-case").list();
      assertThat(cases).hasSize(CASES);
      // each child paired with a mentor who has met them, so the weekly check-ins run beside the monthly talks
      org.careflow.child.CareCases careCases = cluster.bean(1, org.careflow.child.CareCases.class);
      for (ProcessInstance pi : cases) {
        careCases.pair(Long.parseLong(pi.getBusinessKey()), "tmentor", null);
        runtime.setVariable(pi.getId(), org.careflow.pairing.MentorPairing.FLAG, true);
        runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity("careDuringTerm").cancelAllForActivity("registerChild").execute();
      }
      assertThat(count(jdbc, "select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'weeklyCheckIn'")).isEqualTo(CASES);

      // Monday 00:05: every case's next-week timer and last week's reminder fall due at once, on both nodes
      LocalDateTime monday = LocalDateTime.of(2026, 9, 21, 0, 5);
      ManagementService management = cluster.engine(2).getManagementService();
      java.util.Date dueBy = java.util.Date.from(monday.atZone(TestSchool.ZONE).toInstant());
      assertThat(management.createJobQuery().duedateLowerThan(dueBy).activityId("nextWeek").count()).isEqualTo(CASES);
      assertThat(management.createJobQuery().duedateLowerThan(dueBy).activityId("weeklyCheckInOverdue").count()).isEqualTo(CASES);
      // (other models' timers of the same cases, such as family ties, fall due too and are checked alike)
      List<String> due = management.createJobQuery().duedateLowerThan(dueBy).list().stream().map(j -> j.getId()).toList();
      TestSchool.clockAt(monday);
      cluster.wakeJobExecutors();
      assertThat(cluster.awaitNoDueJobs(Duration.ofMinutes(3))).as("every due timer ran within 3 minutes").isTrue();

      // each timer ran once, on one node or the other, and none failed
      assertThat(count(jdbc, "select count(*) from ACT_RU_INCIDENT")).isZero();
      assertThat(count(jdbc, "select count(*) from ACT_RU_JOB where EXCEPTION_MSG_ is not null")).isZero();
      Map<String, Long> runs = new java.util.HashMap<>();
      jdbc.query("select JOB_ID_, count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 2 group by JOB_ID_",
          rs -> {
            runs.put(rs.getString(1), rs.getLong(2));
          });
      assertThat(due).allSatisfy(id -> assertThat(runs.get(id)).as("successful runs of due job " + id).isEqualTo(1L));
      List<Map<String, Object>> byNode = jdbc.queryForList("select HOSTNAME_, count(*) n from ACT_HI_JOB_LOG where JOB_STATE_ = 2 group by HOSTNAME_");
      assertThat(byNode).extracting(r -> r.get("HOSTNAME_")).as("both nodes ran timers").containsExactlyInAnyOrder("node1", "node2");

      // every case has last week's check-in (overdue, reminded once) and this week's: made once, none lost
      assertThat(jdbc.queryForList("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'weeklyCheckIn' group by PROC_INST_ID_", Long.class))
          .hasSize(CASES).containsOnly(2L);
      assertThat(count(jdbc, "select count(*) from ACT_HI_TASKINST where TASK_DEF_KEY_ = 'weeklyCheckIn'")).isEqualTo(2L * CASES);
      assertThat(jdbc.queryForList("select count(*) from cf_reminder where kind = 'REMINDER' group by process_instance_id", Long.class))
          .hasSize(CASES).containsOnly(1L);

      // a monthly talk recorded on node 2 is done on node 1 too
      Task talk = cluster.engine(1).getTaskService().createTaskQuery().processInstanceId(cases.get(0).getId())
          .taskDefinitionKey("monthlyTalk").singleResult();
      assertThat(talk.getAssignee()).isEqualTo("tteacher");
      cluster.bean(2, TaskWork.class).complete(talk.getId(), TestSchool.TEACHER,
          TestSchool.form("talkDate", "2026-09-20", "topics", "study|emotions", "mood", "CALM", "parentsInformed", "true"));
      assertThat(cluster.engine(1).getTaskService().createTaskQuery().taskId(talk.getId()).count()).isZero();
      HistoricTaskInstance done = cluster.engine(1).getHistoryService().createHistoricTaskInstanceQuery().taskId(talk.getId()).singleResult();
      assertThat(done.getEndTime()).isNotNull();
      assertThat(done.getDeleteReason()).isEqualTo("completed");
      WebSession teacherOnNode1 = new WebSession(cluster.port(1)).login("tteacher", "pw");
      assertThat(teacherOnNode1.get("/").body()).doesNotContain("/tasks/" + talk.getId());
      assertThat(teacherOnNode1.get("/children/" + jdbc.queryForObject(
          "select child_id from cf_case where id = ?", Long.class, Long.valueOf(cases.get(0).getBusinessKey()))).body()).contains("2026年9月20日");
    } finally {
      ClockUtil.reset();
    }
  }

  private static long count(JdbcTemplate jdbc, String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }
}
