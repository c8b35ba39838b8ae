package org.careflow.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.careflow.oversight.OpenWork;
import org.careflow.oversight.OversightQueries;
import org.careflow.oversight.Scope;
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
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:careflow-bench;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=0"})
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class OversightBench {

  static final int CASES = 50_000;
  static final int TASKS_PER_CASE = 4;
  static final int SCHOOLS = 10;
  static final int CLASSES = 1_000;
  static final int MENTORS = 500;
  static final int WARMUP = 3;
  // quick: 7 timed calls of each query (its plain-SQL baselines take half a second a call)
  static final int RUNS = Integer.getInteger("bench.runs", Boolean.getBoolean("bench.quick") ? 7 : 15);

  @Autowired JdbcTemplate jdbc;
  @Autowired OversightQueries queries;
  @Autowired OpenWork openWork;

  static final String RAW_COUNTS = "SUM(CASE WHEN t.DUE_DATE_ < ? THEN 1 ELSE 0 END), SUM(CASE WHEN t.DUE_DATE_ >= ? THEN 1 ELSE 0 END),"
      + " SUM(CASE WHEN t.DUE_DATE_ < ? AND t.DUE_DATE_ >= ? THEN 1 ELSE 0 END), SUM(CASE WHEN t.DUE_DATE_ < ? AND t.DUE_DATE_ >= ? THEN 1 ELSE 0 END),"
      + " SUM(CASE WHEN t.DUE_DATE_ < ? THEN 1 ELSE 0 END)";

  /** The straightforward SQL of the dashboard's figures: every open task joined to its case, child and class, grouped. */
  static final String RAW_BY_CLASS = "SELECT cl.school_id, ch.school_class_id, t.ASSIGNEE_, t.TASK_DEF_KEY_, " + RAW_COUNTS
      + " FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ JOIN cf_case k ON k.id = CAST(e.BUSINESS_KEY_ AS BIGINT)"
      + " JOIN cf_child ch ON ch.id = k.child_id JOIN cf_class cl ON cl.id = ch.school_class_id WHERE t.DUE_DATE_ <= ? %s"
      + " GROUP BY cl.school_id, ch.school_class_id, t.ASSIGNEE_, t.TASK_DEF_KEY_";

  /**
   * School 900001 in the plain SQL: its classes are 900000 + X with MOD(X, 10) = 0 (see seed). Written on the
   * child's class id, because with "cl.school_id = ?" H2 chose a plan that took minutes per call.
   */
  static final String ONE_SCHOOL = "AND MOD(ch.school_class_id - 900000, 10) = 0";

  // fresh cut-offs on every call, as the service's: H2 reuses the result of an identical query with identical parameters
  static Object[] rawArgs(Object... more) {
    Deadlines.Cutoffs c = Deadlines.cutoffs(Instant.now());
    List<Object> args = new ArrayList<>(List.of(ts(c.now()), ts(c.now()), ts(c.now()), ts(c.late7()), ts(c.late7()), ts(c.late30()),
        ts(c.late30()), ts(c.dueSoonEnd())));
    args.addAll(List.of(more));
    return args.toArray();
  }

  @Test
  void dashboardQueries() {
    long t0 = System.nanoTime();
    seed();
    System.out.printf("BENCH seed %d ms (%d cases, %d tasks)%n", (System.nanoTime() - t0) / 1_000_000,
        jdbc.queryForObject("SELECT COUNT(*) FROM cf_case", Long.class), jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class));
    t0 = System.nanoTime();
    long summarised = openWork.rebuild(); // the tasks were written around the engine, so its task events never ran
    System.out.printf("BENCH summary-rebuild %d ms (%d tasks, %d summary rows)%n", (System.nanoTime() - t0) / 1_000_000, summarised,
        jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_open_work", Long.class));

    queries.setCacheSeconds(0); // every figure computed afresh, as on a cache miss
    long school = 900001;
    Scope one = Scope.schools(Set.of(school));
    long aClass = jdbc.queryForObject("SELECT MIN(id) FROM cf_class WHERE school_id = ?", Long.class, school);

    compare("overdue-figures-all-schools", () -> queries.figures(Scope.ALL),
        "raw-sql-by-class-all-schools", () -> jdbc.queryForList(String.format(RAW_BY_CLASS, ""), rawArgs()));
    compare("overdue-figures-one-school", () -> queries.figures(one),
        "raw-sql-by-class-one-school", () -> jdbc.queryForList(String.format(RAW_BY_CLASS, ONE_SCHOOL), rawArgs()));
    compare("children-of-one-class", () -> queries.cases(new OversightQueries.CaseFilter(null, aClass, null, null, "overdue"), Scope.ALL, 200),
        "raw-sql-children-of-one-class", () -> jdbc.queryForList("SELECT k.child_id, t.ASSIGNEE_, " + RAW_COUNTS
            + " FROM cf_child ch JOIN cf_case k ON k.child_id = ch.id JOIN ACT_RU_EXECUTION e ON e.BUSINESS_KEY_ = CAST(k.id AS VARCHAR)"
            + " JOIN ACT_RU_TASK t ON t.PROC_INST_ID_ = e.ID_ WHERE t.DUE_DATE_ <= ? AND ch.school_class_id = ? GROUP BY k.child_id, t.ASSIGNEE_",
            rawArgs(aClass)));
    compare("targets", () -> queries.targets(null),
        "raw-sql-archive-and-pairing", () -> jdbc.queryForList("SELECT COUNT(*), COUNT(ch.registered_at), COUNT(k.mentor)"
            + " FROM cf_case k JOIN cf_child ch ON ch.id = k.child_id WHERE k.status <> 'NOT_ELIGIBLE' AND k.opened_at < ?", ts(Instant.now())));
    compare("escalations", () -> queries.openEscalations(50),
        "raw-sql-by-class-one-school", () -> jdbc.queryForList(String.format(RAW_BY_CLASS, ONE_SCHOOL), rawArgs()));
    Supplier<Object> page = () -> {
      queries.targets(null);
      queries.terms();
      queries.figures(Scope.ALL);
      return queries.openEscalations(50);
    };
    Supplier<Object> pageOneSchool = () -> {
      queries.targets(null);
      queries.terms();
      queries.figures(one);
      return queries.openEscalations(50);
    };
    compare("dashboard-page-queries-all-schools", page,
        "raw-sql-by-class-all-schools", () -> jdbc.queryForList(String.format(RAW_BY_CLASS, ""), rawArgs()));
    compare("dashboard-page-queries-one-school", pageOneSchool,
        "raw-sql-by-class-one-school", () -> jdbc.queryForList(String.format(RAW_BY_CLASS, ONE_SCHOOL), rawArgs()));
    queries.setCacheSeconds(60); // the default: figures reused for a minute
    compare("dashboard-page-queries-cached", page,
        "raw-sql-by-class-all-schools", () -> jdbc.queryForList(String.format(RAW_BY_CLASS, ""), rawArgs()));
    queries.setCacheSeconds(0);
    if (Boolean.getBoolean("bench.explain")) {
      for (String q : List.of("SELECT * FROM cf_dash_open_work w WHERE w.due_date <= CURRENT_TIMESTAMP AND w.tasks > 0 AND w.school_id IN (900001)",
          String.format(RAW_BY_CLASS.replace("?", "CURRENT_TIMESTAMP"), ""))) {
        System.out.println("EXPLAIN " + q + "\n" + jdbc.queryForList("EXPLAIN ANALYZE " + q));
      }
    }
  }

  private static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }

  private static void compare(String name, Supplier<?> measured, String baselineName, Supplier<?> baseline) {
    // alternate the two, so that a slow moment of this shared machine hits both
    for (int i = 0; i < WARMUP; i++) {
      measured.get();
      baseline.get();
    }
    List<Double> m = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      m.add(once(measured));
      b.add(once(baseline));
    }
    Collections.sort(m);
    Collections.sort(b);
    double m50 = m.get(RUNS / 2);
    double b50 = b.get(RUNS / 2);
    double m95 = m.get((int) Math.ceil(RUNS * 0.95) - 1);
    double b95 = b.get((int) Math.ceil(RUNS * 0.95) - 1);
    System.out.printf(java.util.Locale.ROOT, "BENCH %s-p50 %.1f ms vs %s-p50 %.1f ms ratio %.3f%n", name, m50, baselineName, b50, m50 / b50);
    System.out.printf(java.util.Locale.ROOT, "BENCH %s-p95 %.1f ms vs %s-p95 %.1f ms ratio %.3f%n", name, m95, baselineName, b95, m95 / b95);
  }

  private static double once(Supplier<?> s) {
    long t = System.nanoTime();
    s.get();
    return (System.nanoTime() - t) / 1e6;
  }

  /**
   * A district: 10 schools of 100 classes, 50,000 children and cases, four open tasks each with due dates as
   * the processes set them (the last second of a school day: this month's talk due at the month's end, an
   * earlier month's still open, this week's check-in due Sunday and an earlier week's, an unverified
   * archive's visit 14 days after registration), a term of records.
   */
  private void seed() {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    LocalDate today = LocalDate.now(zone);
    LocalDate termStart = today.minusDays(80);
    LocalDate termEnd = today.plusDays(60);
    Timestamp now = Timestamp.from(Instant.now());
    String procDef = jdbc.queryForObject("SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = 'child-case' ORDER BY VERSION_ DESC LIMIT 1", String.class);

    jdbc.update("INSERT INTO cf_school (id, name, district) SELECT 900000 + X, '压测学校' || X, '压测镇' FROM SYSTEM_RANGE(1, ?)", SCHOOLS);
    jdbc.update("INSERT INTO cf_term (id, school_id, name, start_date, end_date) VALUES (900001, 900001, '压测学期', ?, ?)", termStart, termEnd);
    jdbc.update("INSERT INTO cf_teacher (username, name, school_id, mentor) SELECT 'bt' || X, '压测班主任' || X, 900001, FALSE FROM SYSTEM_RANGE(1, ?)", CLASSES);
    jdbc.update("INSERT INTO cf_teacher (username, name, school_id, mentor) SELECT 'bm' || X, '压测帮扶' || X, 900001, TRUE FROM SYSTEM_RANGE(1, ?)", MENTORS);
    jdbc.update("INSERT INTO cf_class (id, school_id, name, grade, class_teacher) SELECT 900000 + X, 900001 + MOD(X, ?), '压测' || X || '班',"
        + " 1 + MOD(X, 6), 'bt' || X FROM SYSTEM_RANGE(1, ?)", SCHOOLS, CLASSES);
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
    // child c is in class 900001 + MOD(c, 1000), whose teacher is 'bt' || (1 + MOD(c, 1000)); its mentor 'bm' || (1 + MOD(c, 500))
    LocalDate monthEnd = today.withDayOfMonth(today.lengthOfMonth());
    LocalDate sunday = today.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
    Timestamp thisMonth = endOf(monthEnd.isAfter(termEnd) ? termEnd : monthEnd, zone);
    Timestamp lastMonth = endOf(today.withDayOfMonth(1).minusDays(1), zone);
    Timestamp monthBefore = endOf(today.withDayOfMonth(1).minusMonths(1).minusDays(1), zone);
    Timestamp thisWeek = endOf(sunday, zone);
    Timestamp termStartEnd = endOf(termStart, zone);
    jdbc.update("INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_, ASSIGNEE_, PRIORITY_,"
        + " CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_)"
        + " SELECT 'btask' || X, 1, 'bpi' || C, 'bpi' || C, ?,"
        + " CASE WHEN S < 2 THEN '每月谈心' WHEN S = 3 AND MOD(C, 20) = 7 THEN '核实家访' ELSE '帮扶教师每周谈心' END,"
        + " CASE WHEN S < 2 THEN 'monthlyTalk' WHEN S = 3 AND MOD(C, 20) = 7 THEN 'verificationVisit' ELSE 'weeklyCheckIn' END,"
        + " CASE WHEN S < 2 OR (S = 3 AND MOD(C, 20) = 7) THEN 'bt' || (1 + MOD(C, ?)) ELSE 'bm' || (1 + MOD(C, ?)) END, 50, ?,"
        + " CASE WHEN S = 0 THEN CAST(? AS TIMESTAMP WITH TIME ZONE)"
        + "      WHEN S = 1 THEN CASE WHEN MOD(C, 2) = 0 THEN CAST(? AS TIMESTAMP WITH TIME ZONE) ELSE CAST(? AS TIMESTAMP WITH TIME ZONE) END"
        + "      WHEN S = 2 THEN DATEADD('DAY', -7 * MOD(C, 9), CAST(? AS TIMESTAMP WITH TIME ZONE))"
        + "      WHEN MOD(C, 20) = 7 THEN DATEADD('DAY', MOD(C, 60) + 14, CAST(? AS TIMESTAMP WITH TIME ZONE))"
        + "      ELSE CAST(? AS TIMESTAMP WITH TIME ZONE) END, 1"
        + " FROM (SELECT X, 1 + MOD(X, ?) AS C, X / ? AS S FROM SYSTEM_RANGE(0, ?))",
        procDef, CLASSES, MENTORS, now, thisMonth, lastMonth, monthBefore, thisWeek, termStartEnd, thisWeek,
        CASES, CASES, CASES * TASKS_PER_CASE - 1);
  }

  private static Timestamp endOf(LocalDate day, ZoneId zone) {
    return Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1));
  }
}
