package org.careflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careflow.ClusterNodes;
import org.careflow.TestSchool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The month-start burst on the embedded default (an H2 file), one node: N cases whose next-month timer
 * falls due at 00:00 on 1 October, turned into N monthly-talk tasks by careflow's job executor
 * ({@code timer_burst_h2_1_node}, tasks/s), beside the same {@code child-case} model deployed on a plain
 * Camunda engine in this JVM on the same database file, its careflow beans (case roles, calendar, cadence,
 * due dates) replaced by no-op beans that return fixed answers, with no careflow plugin or listener
 * (scope grants, dashboard, history filter), run by a job executor of the same size
 * ({@code timer_burst_h2_noop_baseline}). The baseline's burst runs first, on the smaller database.
 * Not a test: {@code -Dbench=true}; {@code -Dbench.quick=true} for 5,000 timers instead of 50,000
 * ({@code -Dbench.timers=N} for any size). {@code -Dbench.h2=WRITE_DELAY=500} replaces the database's
 * write delay (careflow's default 0: every commit written before it is answered) for a comparison;
 * {@code -Dbench.core/max/queue/perAcquisition} resize both job executors (default: the embedded default's
 * own, see {@link #SIZES}). Both bursts are measured after an untimed burst of 4,000 timers of each engine
 * ({@code -Dbench.burstWarmUp=N}, 0 for none). Prints what H2 wrote per job and its chunks after each burst;
 * {@code -Dbench.h2Settle=S} prints the file every 30 s for S seconds after the bursts (its housekeeping).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class TimerBurstBench {

  static final boolean QUICK = Boolean.getBoolean("bench.quick");
  static final int TIMERS = Integer.getInteger("bench.timers", QUICK ? 5_000 : 50_000);
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /**
   * The job executor of both: careflow's as the embedded default ships it (application.yaml: the starter's
   * 3 to 10 threads, a queue of 3, the engine's 3 jobs per acquisition), read from the node and given to the
   * baseline; {@code -Dbench.core/max/queue/perAcquisition} resize both (until 2026-12-06 both were sized as
   * application-postgres.yaml sizes a node, 4/8/16/8, which the embedded default does not use).
   */
  static final List<String[]> SIZES = List.of(new String[] {"bench.core", "core-pool-size"}, new String[] {"bench.max", "max-pool-size"},
      new String[] {"bench.queue", "queue-capacity"}, new String[] {"bench.perAcquisition", "max-jobs-per-acquisition"});

  @AfterAll
  static void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void monthStartBurstOnH2() throws Exception {
    Path dir = Files.createTempDirectory("careflow-burst-h2");
    String url = "jdbc:h2:file:" + dir.resolve("careflow") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;" + System.getProperty("bench.h2", "WRITE_DELAY=0");
    TestSchool.clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
    List<String> args = new java.util.ArrayList<>(List.of("--careflow.activities.start-at-boot=false",
        // -Dbench.acquireByDueDate=false: both engines acquire as the engine does by default (the comparison in PERFORMANCE.md)
        "--camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date=" + !"false".equals(System.getProperty("bench.acquireByDueDate")),
        "--camunda.bpm.generic-properties.properties.ensure-job-due-date-not-null=" + !"false".equals(System.getProperty("bench.acquireByDueDate"))));
    for (String[] size : SIZES) {
      if (System.getProperty(size[0]) != null) {
        args.add("--camunda.bpm.job-execution." + size[1] + "=" + Integer.getInteger(size[0]));
      }
    }
    try (ClusterNodes node = ClusterNodes.startWithProfile("prod", url, "sa", 1, args.toArray(String[]::new))) {
      runBursts(node, url, dir);
    } finally {
      System.out.printf("BENCH-INFO H2 file after the bursts, closed: %d MB%n", megabytes(dir));
      // a quick run leaves gigabytes; a second run must not find the disk full
      org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }
  }

  private static long megabytes(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() >> 20;
    }
  }

  private void runBursts(ClusterNodes node, String url, Path dir) throws Exception {
    ClusterBench.stopExecutors(node);
    node.bean(1, TestSchool.class).ensure();
    var jobs = node.bean(1, org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties.class).getJobExecution();
    int[] sizes = {jobs.getCorePoolSize(), jobs.getMaxPoolSize(), jobs.getQueueCapacity(),
        ((ProcessEngineConfigurationImpl) node.engine(1).getProcessEngineConfiguration()).getJobExecutor().getMaxJobsPerAcquisition()};
    System.out.printf("BENCH-INFO job executors: %d to %d threads, queue %d, %d jobs per acquisition%n", sizes[0], sizes[1], sizes[2], sizes[3]);
    ProcessEngine baseline = baselineEngine(url, node, sizes);
    try {
      // untimed bursts of both engines first (ClusterBench.WARM_UP: the JIT and the engines' caches warm)
      if (ClusterBench.WARM_UP > 0) {
        TestSchool.clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
        seedBaseline(baseline, ClusterBench.WARM_UP, 8_000_000L);
        ClusterBench.seed(node, ClusterBench.WARM_UP);
        TestSchool.clockAt(LocalDateTime.of(2026, 10, 1, 0, 5));
        System.out.printf("BENCH-INFO warm-up bursts (not measured): baseline %.0f, careflow %.0f tasks/s%n",
            burst(baseline, BASELINE_KEY), burst(node.engine(1), "child-case"));
        ((ProcessEngineConfigurationImpl) baseline.getProcessEngineConfiguration()).getJobExecutor().shutdown();
        ClusterBench.stopExecutors(node);
      }

      // the baseline: the same model's N timers on the plain engine, then its burst
      TestSchool.clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
      seedBaseline(baseline, TIMERS, 9_000_000L);
      TestSchool.clockAt(LocalDateTime.of(2026, 10, 1, 0, 5));
      JdbcTemplate h2 = node.bean(1, JdbcTemplate.class);
      Map<String, Long> before = h2Store(h2);
      double noop = burst(baseline, BASELINE_KEY);
      printWrites(BASELINE_KEY, before, h2Store(h2), TIMERS);
      checkTalks(node.bean(1, JdbcTemplate.class), BASELINE_KEY, TIMERS + ClusterBench.WARM_UP);
      ((ProcessEngineConfigurationImpl) baseline.getProcessEngineConfiguration()).getJobExecutor().shutdown();

      // careflow: N cases and their timers, the same burst
      TestSchool.clockAt(LocalDateTime.of(2026, 9, 15, 10, 0));
      ClusterBench.seed(node, TIMERS);
      TestSchool.clockAt(LocalDateTime.of(2026, 10, 1, 0, 5));
      before = h2Store(h2);
      double careflow = burst(node.engine(1), "child-case");
      printWrites("child-case", before, h2Store(h2), TIMERS);
      checkTalks(node.bean(1, JdbcTemplate.class), "child-case", TIMERS + ClusterBench.WARM_UP);
      System.out.printf("BENCH-INFO timers %d; load %s%n", TIMERS, ClusterBench.load());
      System.out.printf("BENCH timer_burst_h2_1_node %.0f tasks/s vs timer_burst_h2_noop_baseline %.0f ratio %.2f%n",
          careflow, noop, careflow / noop);
      System.out.printf("BENCH-INFO H2 file after the bursts, open: %d MB%n", megabytes(dir));
      // -Dbench.h2Settle=S: the file S seconds later, the application idle (database.EmbeddedFileHousekeeping at work)
      int settle = Integer.getInteger("bench.h2Settle", 0);
      for (int s = 30; s <= settle; s += 30) {
        Thread.sleep(30_000);
        Map<String, Long> now = h2Store(h2);
        System.out.printf("BENCH-INFO H2 file %d s after the bursts: %d MB, chunks %d, chunks' fill rate %d%%%n", s,
            now.getOrDefault("FILE_SIZE", 0L) >> 20, now.getOrDefault("CHUNK_COUNT", -1L), now.getOrDefault("CHUNKS_FILL_RATE", -1L));
      }
    } finally {
      baseline.close();
    }
  }

  static final String BASELINE_KEY = "child-case-noop";

  /** H2's own figures of its store (what it wrote, its chunks), from INFORMATION_SCHEMA.SETTINGS. */
  static Map<String, Long> h2Store(JdbcTemplate jdbc) {
    Map<String, Long> out = new HashMap<>();
    jdbc.query("select SETTING_NAME, SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS where SETTING_NAME like 'info.%'", rs -> {
      try {
        out.put(rs.getString(1).substring(5), Long.parseLong(rs.getString(2)));
      } catch (NumberFormatException notACount) {
        // a name or a flag
      }
    });
    return out;
  }

  /** What the store wrote during a burst, per job, and the chunks of the file after it. */
  static void printWrites(String what, Map<String, Long> before, Map<String, Long> after, int jobs) {
    long bytes = after.getOrDefault("FILE_WRITE_BYTES", 0L) - before.getOrDefault("FILE_WRITE_BYTES", 0L);
    long writes = after.getOrDefault("FILE_WRITE", 0L) - before.getOrDefault("FILE_WRITE", 0L);
    System.out.printf("BENCH-INFO %s: H2 wrote %.0f KB in %.1f writes per timer job; chunks %d -> %d, chunks' fill rate %d%%, file %d MB%n",
        what, bytes / 1024.0 / jobs, (double) writes / jobs, before.getOrDefault("CHUNK_COUNT", -1L), after.getOrDefault("CHUNK_COUNT", -1L),
        after.getOrDefault("CHUNKS_FILL_RATE", -1L), after.getOrDefault("FILE_SIZE", 0L) >> 20);
  }

  /**
   * A plain engine on the same database: no plugin, no authorization, history FULL (the level the
   * database holds), the model's beans replaced by {@link NoOp}, deployment-aware so that it runs only
   * its own jobs.
   */
  private static ProcessEngine baselineEngine(String url, ClusterNodes node, int[] sizes) throws Exception {
    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setProcessEngineName("noop-baseline");
    cfg.setJdbcUrl(url);
    cfg.setJdbcUsername("sa");
    cfg.setJdbcPassword("");
    cfg.setJdbcMaxActiveConnections(20);
    cfg.setDatabaseSchemaUpdate("false");
    cfg.setHistory("full");
    cfg.setJobExecutorActivate(false);
    cfg.setJobExecutorDeploymentAware(true);
    cfg.setDefaultSerializationFormat("application/json");
    DefaultJobExecutor executor = new DefaultJobExecutor();
    executor.setCorePoolSize(sizes[0]);
    executor.setMaxPoolSize(sizes[1]);
    executor.setQueueSize(sizes[2]);
    executor.setMaxJobsPerAcquisition(sizes[3]);
    cfg.setJobExecutor(executor);
    // the same acquisition as careflow's (application.yaml): due jobs soonest first, from the due-date index
    // careflow's migrations made on this database
    cfg.setJobExecutorAcquireByDueDate(!"false".equals(System.getProperty("bench.acquireByDueDate")));
    cfg.setEnsureJobDueDateNotNull(!"false".equals(System.getProperty("bench.acquireByDueDate")));
    NoOp noop = new NoOp();
    Map<Object, Object> beans = new HashMap<>();
    for (String name : List.of("caseRoles", "careCalendar", "talkCadence", "taskDue", "termMeeting", "taskReminder", "taskEscalation",
        "eligibilityDelegate", "mentorPairing", "riskInputs", "riskRecord")) {
      beans.put(name, noop);
    }
    cfg.setBeans(beans);
    ProcessEngine engine = cfg.buildProcessEngine();
    // the careflow model as deployed, under a key of its own
    String xml = new String(Files.readAllBytes(Path.of("processes/child-case.bpmn")), StandardCharsets.UTF_8)
        .replace("id=\"child-case\"", "id=\"" + BASELINE_KEY + "\"");
    String deployment = engine.getRepositoryService().createDeployment().name("noop-baseline")
        .addString(BASELINE_KEY + ".bpmn", xml).deploy().getId();
    engine.getManagementService().registerDeploymentForJobExecutor(deployment);
    return engine;
  }

  /** N instances of the baseline model started straight at the next-month timer, 250 per command, case ids from {@code firstId}. */
  private static void seedBaseline(ProcessEngine engine, int n, long firstId) {
    long t0 = System.nanoTime();
    var runtime = engine.getRuntimeService();
    var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    for (int from = 0; from < n; from += 250) {
      int first = from;
      commands.execute(ctx -> {
        for (int i = first; i < Math.min(n, first + 250); i++) {
          long id = firstId + i;
          runtime.createProcessInstanceByKey(BASELINE_KEY).businessKey(Long.toString(id)).setVariables(Map.of("caseId", id))
              .startBeforeActivity("nextMonth").execute();
        }
        return null;
      });
    }
    System.out.printf("BENCH-INFO seeded %d baseline instances in %.0f s%n", n, ClusterBench.seconds(t0));
  }

  /** Starts the engine's job executor and returns tasks made per second until none of the process's jobs is due. */
  private static double burst(ProcessEngine engine, String processKey) throws InterruptedException {
    var management = engine.getManagementService();
    long due = management.createJobQuery().processDefinitionKey(processKey).executable().count();
    long t0 = System.nanoTime();
    var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    executor.start();
    executor.jobWasAdded();
    long end = System.nanoTime() + Duration.ofHours(1).toNanos();
    while (true) {
      long c0 = System.nanoTime();
      if (management.createJobQuery().processDefinitionKey(processKey).executable().count() == 0) {
        break;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("timers of " + processKey + " still due after an hour");
      }
      // the count reads the whole job table: polled at most a twentieth of the time, so that the
      // benchmark's own query does not take a core from the burst (at 50,000 timers it took one)
      Thread.sleep(Math.max(200, (System.nanoTime() - c0) / 1_000_000 * 20));
    }
    double rate = due / ClusterBench.seconds(t0);
    System.out.printf("BENCH-INFO %s: %d timers in %.1f s%n", processKey, due, ClusterBench.seconds(t0));
    return rate;
  }

  private static void checkTalks(JdbcTemplate jdbc, String processKey, int expected) {
    long talks = jdbc.queryForObject("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'monthlyTalk' and PROC_DEF_ID_ like ?",
        Long.class, processKey + ":%");
    long incidents = jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Long.class);
    System.out.printf("BENCH-INFO %s monthly talks %d (expected %d), incidents %d%n", processKey, talks, expected, incidents);
    if (talks != expected || incidents != 0) {
      throw new AssertionError("the burst lost or doubled tasks");
    }
  }

  /**
   * careflow's beans as the model calls them, doing nothing careflow does: the class teacher is always the
   * same, the case always in its term, the talk due at the month's end, the next timer at the next month's
   * start, the reminder at the due date and the escalation a week later (from the engine's clock).
   */
  public static class NoOp implements org.camunda.bpm.engine.delegate.JavaDelegate, org.camunda.bpm.engine.delegate.ExecutionListener {
    public String classTeacherOf(Object caseId) {
      return "tteacher";
    }

    public String mentorOf(Object caseId) {
      return "tmentor";
    }

    public boolean inTerm(Object caseId) {
      return true;
    }

    public Date talkDue(Object caseId) {
      return endOfMonth();
    }

    public Date monthDue(Object caseId) {
      return endOfMonth();
    }

    public Date weekDue(Object caseId) {
      return endOfMonth();
    }

    public Date nextTalkStart(Object caseId) {
      return Date.from(today().withDayOfMonth(1).plusMonths(1).atStartOfDay(ZONE).toInstant());
    }

    public Date nextMonthStart(Object caseId) {
      return nextTalkStart(caseId);
    }

    public Date nextWeekStart(Object caseId) {
      return nextTalkStart(caseId);
    }

    public Date inDays(int days) {
      return Date.from(today().plusDays(days + 1L).atStartOfDay(ZONE).toInstant());
    }

    public Date reminderAt(Object execution) {
      return endOfMonth();
    }

    public Date escalationAt(Object execution) {
      return Date.from(endOfMonth().toInstant().plus(Duration.ofDays(7)));
    }

    public Date termEnd(Object caseId) {
      return Date.from(LocalDate.of(2027, 1, 21).atStartOfDay(ZONE).toInstant());
    }

    public Date termStart(Object caseId) {
      return Date.from(LocalDate.of(2026, 9, 1).atStartOfDay(ZONE).toInstant());
    }

    public boolean met(Object execution) {
      return true;
    }

    public void paired(Object execution) {
    }

    @Override
    public void execute(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    }

    @Override
    public void notify(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    }

    private static LocalDate today() {
      return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
    }

    private static Date endOfMonth() {
      LocalDate d = today();
      return Date.from(d.withDayOfMonth(d.lengthOfMonth()).plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(1));
    }
  }

}
