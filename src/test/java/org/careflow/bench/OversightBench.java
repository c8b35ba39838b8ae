package org.careflow.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.careflow.oversight.OversightQueries;
import org.careflow.shared.Deadlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Benchmark of the oversight dashboard's queries on a district's worth of data: 50,000 cases and
 * 200,000 open tasks. Not a test: it runs only with {@code -Dbench=true} and is not named *Test, so
 * {@code mvn verify} never starts it. Run:
 *
 * <pre>mvn -q -B test -Dtest=OversightBench -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * The data is written with bulk SQL ({@code INSERT ... SELECT FROM SYSTEM_RANGE}, H2) straight into the
 * domain tables and the engine's ACT_RU_EXECUTION / ACT_RU_TASK (process instances and tasks of the real
 * deployed child-case definition, without variables or jobs: the dashboard reads only those columns).
 * Each figure is timed over repeated runs (median and 95th percentile of the server-side time of the
 * service call) beside a raw SQL aggregate of the same figure, in the same run, and printed as
 * {@code BENCH <name> <value> <unit> vs <baseline-name> <baseline-value> ratio <r>}.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:careflow-bench;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class OversightBench {

  static final int CASES = 50_000;
  static final int TASKS_PER_CASE = 4;
  static final int CLASSES = 1_000;
  static final int MENTORS = 500;
  static final int WARMUP = 2;
  static final int RUNS = 15;

  @Autowired JdbcTemplate jdbc;
  @Autowired OversightQueries queries;

  @Test
  void dashboardQueries() {
    long t0 = System.nanoTime();
    seed();
    System.out.printf("BENCH seed %d ms (%d cases, %d tasks)%n", (System.nanoTime() - t0) / 1_000_000,
        jdbc.queryForObject("SELECT COUNT(*) FROM cf_case", Long.class), jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class));

    String rawCounts = "SUM(CASE WHEN t.DUE_DATE_ < ? THEN 1 ELSE 0 END), SUM(CASE WHEN t.DUE_DATE_ >= ? THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN t.DUE_DATE_ < ? AND t.DUE_DATE_ >= ? THEN 1 ELSE 0 END), SUM(CASE WHEN t.DUE_DATE_ < ? AND t.DUE_DATE_ >= ? THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN t.DUE_DATE_ < ? THEN 1 ELSE 0 END)";
    queries.setCacheSeconds(0); // every figure computed afresh, as on a cache miss
    // fresh cut-offs on every call, as the service's: H2 reuses the result of an identical query with identical parameters
    Supplier<Object[]> rawArgs = () -> {
      Deadlines.Cutoffs c = Deadlines.cutoffs(Instant.now());
      return new Object[] {ts(c.now()), ts(c.now()), ts(c.now()), ts(c.late7()), ts(c.late7()), ts(c.late30()), ts(c.late30()), ts(c.dueSoonEnd())};
    };

    compare("overdue-by-obligation", () -> queries.overdue(OversightQueries.GroupBy.OBLIGATION),
        "raw-sql-by-obligation", () -> jdbc.queryForList("SELECT t.TASK_DEF_KEY_, " + rawCounts
            + " FROM ACT_RU_TASK t WHERE t.DUE_DATE_ <= ? GROUP BY t.TASK_DEF_KEY_", rawArgs.get()));
    compare("overdue-by-teacher", () -> queries.overdue(OversightQueries.GroupBy.TEACHER),
        "raw-sql-by-teacher", () -> jdbc.queryForList("SELECT t.ASSIGNEE_, " + rawCounts
            + " FROM ACT_RU_TASK t WHERE t.DUE_DATE_ <= ? GROUP BY t.ASSIGNEE_", rawArgs.get()));
    compare("overdue-by-class", () -> queries.overdue(OversightQueries.GroupBy.CLASS),
        "raw-sql-by-class", () -> jdbc.queryForList("SELECT ch.school_class_id, " + rawCounts
            + " FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ JOIN cf_case k ON k.id = CAST(e.BUSINESS_KEY_ AS BIGINT)"
            + " JOIN cf_child ch ON ch.id = k.child_id WHERE t.DUE_DATE_ <= ? GROUP BY ch.school_class_id", rawArgs.get()));
    compare("children-worst-200", () -> queries.children(200),
        "raw-sql-by-child", () -> jdbc.queryForList("SELECT k.child_id, " + rawCounts
            + " FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ JOIN cf_case k ON k.id = CAST(e.BUSINESS_KEY_ AS BIGINT)"
            + " WHERE t.DUE_DATE_ <= ? GROUP BY k.child_id ORDER BY 2 DESC LIMIT 200", rawArgs.get()));
    compare("targets", () -> queries.targets(null),
        "raw-sql-archive-and-pairing", () -> jdbc.queryForList("SELECT COUNT(*), COUNT(ch.registered_at), COUNT(k.mentor)"
            + " FROM cf_case k JOIN cf_child ch ON ch.id = k.child_id WHERE k.status <> 'NOT_ELIGIBLE' AND k.opened_at < ?", Timestamp.from(Instant.now())));
    compare("dashboard-page-queries", () -> {
          queries.targets(null);
          queries.overdue(OversightQueries.GroupBy.CLASS);
          queries.overdue(OversightQueries.GroupBy.TEACHER);
          queries.overdue(OversightQueries.GroupBy.OBLIGATION);
          queries.children(200);
          return queries.openEscalations(50);
        },
        "raw-sql-by-obligation", () -> jdbc.queryForList("SELECT t.TASK_DEF_KEY_, " + rawCounts
            + " FROM ACT_RU_TASK t WHERE t.DUE_DATE_ <= ? GROUP BY t.TASK_DEF_KEY_", rawArgs.get()));
    queries.setCacheSeconds(60); // the default: figures reused for a minute
    compare("dashboard-page-queries-cached", () -> {
          queries.targets(null);
          queries.overdue(OversightQueries.GroupBy.CLASS);
          queries.overdue(OversightQueries.GroupBy.TEACHER);
          queries.overdue(OversightQueries.GroupBy.OBLIGATION);
          queries.children(200);
          return queries.openEscalations(50);
        },
        "raw-sql-by-obligation", () -> jdbc.queryForList("SELECT t.TASK_DEF_KEY_, " + rawCounts
            + " FROM ACT_RU_TASK t WHERE t.DUE_DATE_ <= ? GROUP BY t.TASK_DEF_KEY_", rawArgs.get()));
  }

  private static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }

  private static void compare(String name, Supplier<?> measured, String baselineName, Supplier<?> baseline) {
    double[] m = time(measured);
    double[] b = time(baseline);
    System.out.printf("BENCH %s-p50 %.1f ms vs %s-p50 %.1f ratio %.2f%n", name, m[0], baselineName, b[0], m[0] / b[0]);
    System.out.printf("BENCH %s-p95 %.1f ms vs %s-p95 %.1f ratio %.2f%n", name, m[1], baselineName, b[1], m[1] / b[1]);
  }

  /** Median and 95th percentile in milliseconds, after a warm-up. */
  private static double[] time(Supplier<?> s) {
    for (int i = 0; i < WARMUP; i++) {
      s.get();
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      s.get();
      ms.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(ms);
    return new double[] {ms.get(RUNS / 2), ms.get((int) Math.ceil(RUNS * 0.95) - 1)};
  }

  /** A district: one school, 1,000 classes, 50,000 children and cases, four open tasks each, a term of records. */
  private void seed() {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    LocalDate today = LocalDate.now(zone);
    LocalDate termStart = today.minusDays(80);
    LocalDate termEnd = today.plusDays(60);
    Timestamp now = Timestamp.from(Instant.now());
    String procDef = jdbc.queryForObject("SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = 'child-case' ORDER BY VERSION_ DESC LIMIT 1", String.class);

    jdbc.update("INSERT INTO cf_school (id, name, district) VALUES (900001, '压测学校', '压测镇')");
    jdbc.update("INSERT INTO cf_term (id, school_id, name, start_date, end_date) VALUES (900001, 900001, '压测学期', ?, ?)", termStart, termEnd);
    jdbc.update("INSERT INTO cf_teacher (username, name, school_id, mentor) SELECT 'bt' || X, '压测班主任' || X, 900001, FALSE FROM SYSTEM_RANGE(1, ?)", CLASSES);
    jdbc.update("INSERT INTO cf_teacher (username, name, school_id, mentor) SELECT 'bm' || X, '压测帮扶' || X, 900001, TRUE FROM SYSTEM_RANGE(1, ?)", MENTORS);
    jdbc.update("INSERT INTO cf_class (id, school_id, name, grade, class_teacher) SELECT 900000 + X, 900001, '压测' || X || '班', 1 + MOD(X, 6), 'bt' || X"
        + " FROM SYSTEM_RANGE(1, ?)", CLASSES);
    // children: registered at various days of the term (2% not yet); cases: 96% active, 2% closed, 2% enrolling
    jdbc.update("INSERT INTO cf_child (id, version, name, school_class_id, boarding, subsidy, key_support, registered_at)"
        + " SELECT X, 0, '压测儿童' || X, 900001 + MOD(X, ?), FALSE, FALSE, FALSE,"
        + " CASE WHEN MOD(X, 50) = 0 THEN NULL ELSE DATEADD('DAY', MOD(X, 60), CAST(? AS TIMESTAMP WITH TIME ZONE)) END FROM SYSTEM_RANGE(1, ?)",
        CLASSES, Timestamp.from(termStart.atStartOfDay(zone).toInstant()), CASES);
    jdbc.update("INSERT INTO cf_case (id, version, child_id, status, term_id, mentor, opened_at, opened_by, closed_at)"
        + " SELECT X, 0, X, CASE WHEN MOD(X, 50) = 0 THEN 'ENROLLING' WHEN MOD(X, 50) = 1 THEN 'CLOSED' ELSE 'ACTIVE' END, 900001,"
        + " CASE WHEN MOD(X, 10) = 0 THEN NULL ELSE 'bm' || (1 + MOD(X, ?)) END, ?, 'bench',"
        + " CASE WHEN MOD(X, 50) = 1 THEN ? ELSE NULL END FROM SYSTEM_RANGE(1, ?)",
        MENTORS, Timestamp.from(termStart.atStartOfDay(zone).toInstant()), Timestamp.from(today.minusDays(10).atStartOfDay(zone).toInstant()), CASES);
    jdbc.update("INSERT INTO cf_pairing (case_id, mentor, assigned_by, assigned_at) SELECT id, mentor, 'bench', DATEADD('DAY', 7, opened_at)"
        + " FROM cf_case WHERE mentor IS NOT NULL");
    jdbc.update("INSERT INTO cf_home_visit (case_id, reason, visit_date, met_with, home_conditions, guardian_health, archive_confirmed, visitor, recorded_at)"
        + " SELECT id, 'VERIFICATION', ?, '祖母', '砖房', 'GOOD', TRUE, 'bench', ? FROM cf_case WHERE MOD(id, 20) <> 7", termStart.plusDays(10), now);
    // a talk record for 80% of the case-months, a check-in for 70% of the case-weeks, so far this term
    for (LocalDate m = termStart.withDayOfMonth(1); m.isBefore(today); m = m.plusMonths(1)) {
      jdbc.update("INSERT INTO cf_monthly_talk (case_id, talk_month, talk_date, topics, mood, parents_informed, teacher, recorded_at)"
          + " SELECT id, ?, ?, 'study', 'CALM', TRUE, 'bench', ? FROM cf_case WHERE MOD(id + ?, 5) <> 0",
          m.toString().substring(0, 7), m.plusDays(14), now, m.getMonthValue());
    }
    for (LocalDate w = termStart.with(java.time.DayOfWeek.THURSDAY); w.isBefore(today); w = w.plusWeeks(1)) {
      jdbc.update("INSERT INTO cf_mentor_check_in (case_id, first_meeting, check_in_date, mood, mentor, recorded_at)"
          + " SELECT id, FALSE, ?, 'CALM', mentor, ? FROM cf_case WHERE mentor IS NOT NULL AND MOD(id + ?, 10) < 7", w, now, w.getDayOfYear());
    }
    jdbc.update("INSERT INTO cf_guardian_meeting (class_id, term_id, meeting_date, held_at) SELECT id, 900001, ?, ? FROM cf_class"
        + " WHERE id > 900000 AND MOD(id, 3) = 0", today.minusDays(20), Timestamp.from(Instant.now().minus(Duration.ofDays(20))));
    // the engine: one child-case instance per case (business key = case id), four open tasks each, due
    // from 60 days ago to 30 days ahead
    jdbc.update("INSERT INTO ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_, ACT_ID_,"
        + " IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_, SEQUENCE_COUNTER_)"
        + " SELECT 'bpi' || X, 1, 'bpi' || X, 'bpi' || X, CAST(X AS VARCHAR), ?, NULL, TRUE, FALSE, TRUE, FALSE, 1, 1 FROM SYSTEM_RANGE(1, ?)",
        procDef, CASES);
    jdbc.update("INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_, ASSIGNEE_, PRIORITY_,"
        + " CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_)"
        + " SELECT 'btask' || X, 1, 'bpi' || (1 + MOD(X, ?)), 'bpi' || (1 + MOD(X, ?)), ?,"
        + " CASE MOD(X, 4) WHEN 0 THEN '每月谈心' WHEN 1 THEN '帮扶教师每周谈心' WHEN 2 THEN '核实家访' ELSE '期末总结' END,"
        + " CASE MOD(X, 4) WHEN 0 THEN 'monthlyTalk' WHEN 1 THEN 'weeklyCheckIn' WHEN 2 THEN 'verificationVisit' ELSE 'termReview' END,"
        + " CASE MOD(X, 4) WHEN 1 THEN 'bm' || (1 + MOD(X, ?)) ELSE 'bt' || (1 + MOD(1 + MOD(X, ?), ?)) END, 50, ?,"
        + " DATEADD('MINUTE', MOD(X * 7919, 90 * 24 * 60) - 60 * 24 * 60, CAST(? AS TIMESTAMP)), 1 FROM SYSTEM_RANGE(1, ?)",
        CASES, CASES, procDef, MENTORS, CASES, CLASSES, now, now, CASES * TASKS_PER_CASE);
  }
}
