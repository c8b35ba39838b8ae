package org.careflow.bench;

import static org.careflow.TestSchool.archive;
import static org.careflow.TestSchool.form;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.TaskQuery;
import org.careflow.CareflowTest;
import org.careflow.TestSchool;
import org.careflow.WebSession;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.inbox.InboxFilter;
import org.careflow.inbox.TaskWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox of a teacher with 30 tasks among 200,000 open tasks: careflow's inbox query (count,
 * page, and what each task is about) and the whole page over HTTP, beside the raw engine query for the
 * same filter, measured alternately in one run. Not a test: run it with
 * {@code mvn -q test -Dtest=InboxBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Dbench.tasks=20000} for a quick run). See docs/PERFORMANCE.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
// no statement counting (the test profile's datasource-proxy, org.careflow.StatementCounter): a server has
// no such wrapper, and its copies of every statement's parameters are garbage that a server does not make
@org.springframework.test.context.TestPropertySource(properties = "careflow.test.count-statements=false")
class InboxBenchmark extends CareflowTest {

  @Autowired CaseLifecycle lifecycle;
  @Autowired TaskWork work;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  static final TaskWork.Worker TEACHER = TestSchool.as("tweb", "teacher");

  @Test
  void inboxAtTwoHundredThousandOpenTasks() {
    int total = Integer.getInteger("bench.tasks", Boolean.getBoolean("bench.quick") ? 20_000 : 200_000);
    TestSchool.clockAt(LocalDateTime.of(2026, 10, 12, 9, 0));
    for (int i = 0; i < 15; i++) { // 15 archives to build, 15 monthly talks due: 30 tasks
      long caseId = lifecycle.enrol("测试" + i, school.classC.getId(), "tcoordinator").getId();
      if (i % 2 == 0) {
        continue;
      }
      school.complete(caseId, "registerChild", TEACHER, archive("B" + i, "BOTH_AWAY", LocalDate.of(2026, 1, 1)));
      school.complete(caseId, "verificationVisit", TEACHER, form("visitDate", "2026-10-12", "metWith", "祖母", "homeConditions", "好", "guardianHealth", "GOOD"));
      school.complete(caseId, "assignMentor", TestSchool.COORDINATOR, form("mentor", "tmentor"));
      school.complete(caseId, "firstMeeting", TestSchool.as("tmentor", "mentor"), form("meetingDate", "2026-10-12", "mood", "CALM", "notes", "好"));
    }
    for (int i = 15; i < 30; i++) {
      lifecycle.enrol("测试" + i, school.classC.getId(), "tcoordinator");
    }
    ClockUtil.reset();
    String definition = jdbc.queryForObject("select ID_ from ACT_RE_PROCDEF where KEY_ = 'child-case' order by VERSION_ desc limit 1", String.class);
    long started = System.nanoTime();
    bulkTasks(total - (int) tasks.createTaskQuery().count(), definition);
    System.out.printf("setup: %d open tasks, %d of them the teacher's, inserted in %.1f s%n",
        tasks.createTaskQuery().count(), visible().count(), (System.nanoTime() - started) / 1e9);

    WebSession browser = browser().login("tweb", "pw");
    boolean statistics = Boolean.getBoolean("bench.explain"); // H2's own time per statement of the rounds
    if (statistics) {
      jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 500");
      jdbc.execute("SET QUERY_STATISTICS TRUE");
    }
    Map<String, Supplier<Object>> runs = new java.util.LinkedHashMap<>();
    runs.put("raw_taskservice_query", () -> {
      TaskQuery q = visible().orderByDueDate().asc().orderByTaskCreateTime().asc();
      return q.count() + q.listPage(0, 20).size();
    });
    runs.put("careflow_inbox_query", () -> work.inbox(TEACHER, InboxFilter.NONE, 0, 20).rows().size());
    runs.put("careflow_inbox_filter_counts", () -> work.facets(TEACHER).size());
    // The page as a browser's request gets it: one blocking GET on a kept-alive connection, the whole body
    // read. Until 2026-12-05 the tests' WebSession made it (the JDK's asynchronous HttpClient, which hands
    // each request and response between threads and scans the page for its CSRF token inside the timed
    // call): p95 18.2-19.7 ms where the plain request's is 15.0-15.6 ms in the same place of the round. The
    // WebSession's request is still timed, right after, for comparison; a second fetch of the same page right
    // after the first is faster whichever client makes it, so the two are not comparable figure for figure.
    String cookie = browser.cookieHeader();
    runs.put("careflow_inbox_page_http", () -> {
      try {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) browser.uri("/").toURL().openConnection();
        c.setInstanceFollowRedirects(false); // signed out would be a redirect to the sign-in page
        c.setRequestProperty("Cookie", cookie);
        if (c.getResponseCode() != 200) {
          throw new AssertionError("the inbox answered " + c.getResponseCode());
        }
        try (java.io.InputStream in = c.getInputStream()) {
          if (in.readAllBytes().length == 0) {
            throw new AssertionError("an empty inbox page");
          }
        }
        return 200;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    runs.put("careflow_inbox_page_http_jdk_client", () -> browser.get("/").statusCode());
    // A server that has been up a while: the first 1,000 rounds (a few minutes of a school's teachers
    // opening their inbox) warm up. Until then the JIT compiler is still busy with the page's code and
    // competes with the requests for this machine's two cores (27 compilations of over 100 ms during 300
    // rounds after a warm-up of 30, JFR, 2026-12-04; still some after 330). Timed over 1,000 rounds: page
    // p95 13.7 ms after 330 rounds of warm-up, 9.9 and 10.4 ms after 1,000 (2026-12-05). The warm-up's
    // rounds from the 31st are printed too, as BENCH-INFO "..._warming".
    int warmup = Integer.getInteger("bench.warmup", 1000);
    // rounds timed: with 300, a p95 of 2-5 ms was the 15th slowest, decided by one compilation or collection
    int timed = Integer.getInteger("bench.timed", 1000);
    Map<String, List<Double>> times = new HashMap<>();
    Map<String, List<Double>> warming = new HashMap<>();
    runs.keySet().forEach(k -> times.put(k, new ArrayList<>()));
    runs.keySet().forEach(k -> warming.put(k, new ArrayList<>()));
    List<Double> pagesWithCollection = new ArrayList<>();
    List<Double> pagesWithout = new ArrayList<>();
    for (int round = 0; round < warmup + timed; round++) {
      for (Map.Entry<String, Supplier<Object>> r : runs.entrySet()) {
        long gc0 = collections();
        long t0 = System.nanoTime();
        r.getValue().get();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (round >= warmup) {
          times.get(r.getKey()).add(ms);
          if (r.getKey().equals("careflow_inbox_page_http")) {
            (collections() > gc0 ? pagesWithCollection : pagesWithout).add(ms);
          }
        } else if (round >= 30) {
          warming.get(r.getKey()).add(ms);
        }
      }
    }
    if (statistics) { // read before switching them off: H2 drops them then
      jdbc.query("select SQL_STATEMENT, EXECUTION_COUNT, AVERAGE_EXECUTION_TIME, CUMULATIVE_EXECUTION_TIME from INFORMATION_SCHEMA.QUERY_STATISTICS"
          + " order by CUMULATIVE_EXECUTION_TIME desc limit 25", rs -> {
            System.out.printf("BENCH-INFO sql %d x %.3f ms: %s%n", rs.getLong(2), rs.getDouble(3),
                rs.getString(1).replaceAll("\\s+", " ").substring(0, Math.min(400, rs.getString(1).replaceAll("\\s+", " ").length())));
          });
      jdbc.execute("SET QUERY_STATISTICS FALSE");
    }
    double rawMedian = percentile(times.get("raw_taskservice_query"), 50);
    double rawP95 = percentile(times.get("raw_taskservice_query"), 95);
    for (String name : List.of("careflow_inbox_query", "careflow_inbox_filter_counts", "careflow_inbox_page_http", "careflow_inbox_page_http_jdk_client")) {
      double median = percentile(times.get(name), 50);
      double p95 = percentile(times.get(name), 95);
      System.out.printf("BENCH-INFO %s_median %.2f ms vs raw_taskservice_query_median %.2f ratio %.2f%n", name, median, rawMedian, median / rawMedian);
      System.out.printf("BENCH-INFO %s_p95 %.2f ms vs raw_taskservice_query_p95 %.2f ratio %.2f%n", name, p95, rawP95, p95 / rawP95);
    }
    if (!warming.get("careflow_inbox_page_http").isEmpty()) {
      System.out.printf("BENCH-INFO careflow_inbox_page_http_p95_warming %.2f ms vs raw_taskservice_query_p95_warming %.2f ratio %.2f (rounds 31-%d; median %.2f ms)%n",
          percentile(warming.get("careflow_inbox_page_http"), 95), percentile(warming.get("raw_taskservice_query"), 95),
          percentile(warming.get("careflow_inbox_page_http"), 95) / percentile(warming.get("raw_taskservice_query"), 95), warmup,
          percentile(warming.get("careflow_inbox_page_http"), 50));
    }
    List<Double> page = times.get("careflow_inbox_page_http");
    System.out.printf("BENCH-INFO careflow_inbox_page_http p50 %.2f p90 %.2f p95 %.2f p99 %.2f max %.2f ms; %d pages met a garbage collection"
        + " (median %.2f ms), the other %d p95 %.2f ms%n", percentile(page, 50), percentile(page, 90), percentile(page, 95), percentile(page, 99),
        percentile(page, 100), pagesWithCollection.size(), pagesWithCollection.isEmpty() ? 0 : percentile(pagesWithCollection, 50),
        pagesWithout.size(), percentile(pagesWithout, 95));
    System.out.printf("BENCH-INFO inbox at %d open tasks, %d rounds after %d of warm-up%n", total, times.get("raw_taskservice_query").size(), warmup);
    double queryP95 = percentile(times.get("careflow_inbox_query"), 95);
    double pageP95 = percentile(times.get("careflow_inbox_page_http"), 95);
    // the query: careflow's page of 20 with its total and what each task is about, against the engine's
    // own query of the same tasks (count and page of 20); target ratio <= 1.2
    System.out.printf("BENCH inbox_query_p95 %.2f ms vs raw_taskservice_query_p95 %.2f ratio %.2f%n", queryP95, rawP95, queryP95 / rawP95);
    // the whole page over HTTP (session, security, queries, filter counts, template); target <= 20 ms
    System.out.printf("BENCH inbox_page_http_p95 %.2f ms vs raw_taskservice_query_p95 %.2f ratio %.2f%n", pageP95, rawP95, pageP95 / rawP95);
  }

  private TaskQuery visible() {
    return tasks.createTaskQuery().active().or().taskAssignee("tweb").taskCandidateGroupIn(List.of("teacher")).endOr();
  }

  /** Other teachers' tasks, and unclaimed coordinator tasks, written straight into the engine's task tables. */
  private void bulkTasks(int n, String definition) {
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    List<Object[]> taskRows = new ArrayList<>();
    List<Object[]> links = new ArrayList<>();
    List<Object[]> instances = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i % 4 == 0) { // four tasks to a process instance, as a case in care has
        instances.add(new Object[] {"bench-pi-" + (i / 4), "bench-pi-" + (i / 4), "bench-" + (i / 4), definition});
      }
      String id = "bench-" + i;
      boolean group = i % 10 == 0;
      taskRows.add(new Object[] {id, "bench-pi-" + (i / 4), "bench-pi-" + (i / 4), definition, "每月谈心", "monthlyTalk",
          group ? null : "bulk" + (i % 2000), now, Timestamp.valueOf(LocalDateTime.now().plusDays(i % 60 - 30))});
      if (group) {
        links.add(new Object[] {"bench-link-" + i, "coordinator", id});
      }
      if (taskRows.size() == 5000 || i == n - 1) {
        jdbc.batchUpdate("insert into ACT_RU_EXECUTION (ID_, REV_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_, IS_ACTIVE_,"
            + " IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_, SEQUENCE_COUNTER_) values (?, 1, ?, ?, ?, true, false, true, false, 1, 1)", instances);
        instances.clear();
        jdbc.batchUpdate("insert into ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_,"
            + " ASSIGNEE_, PRIORITY_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_) values (?, 1, ?, ?, ?, ?, ?, ?, 50, ?, ?, 1)", taskRows);
        jdbc.batchUpdate("insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) values (?, 1, ?, 'candidate', ?)", links);
        taskRows.clear();
        links.clear();
      }
    }
  }

  /** Garbage collections so far, of every collector of this JVM. */
  private static long collections() {
    long n = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  static double percentile(List<Double> values, int p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
