package org.careflow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.careflow.enrolment.RosterImport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several careflow nodes in this JVM on one database (the {@code postgres} profile, job executors on,
 * each its own engine name, web server, connection pool and job executor), started together as a
 * cluster's nodes would be. They share the engine's clock ({@code ClockUtil} is per JVM).
 */
public final class ClusterNodes implements AutoCloseable {

  private final List<ConfigurableApplicationContext> nodes;

  private ClusterNodes(List<ConfigurableApplicationContext> nodes) {
    this.nodes = nodes;
  }

  /** Starts {@code count} nodes at once; {@code extra} arguments go to each (e.g. job executor settings). */
  public static ClusterNodes start(String jdbcUrl, String user, int count, String... extra) {
    return startWithProfile("postgres", jdbcUrl, user, count, extra);
  }

  /** As {@link #start}, with another profile than {@code postgres} (e.g. {@code prod} on an H2 file). */
  public static ClusterNodes startWithProfile(String profile, String jdbcUrl, String user, int count, String... extra) {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      // Spring Boot sets up logging through JVM-wide system properties: two apps doing it at the same
      // moment broke one's logging set-up and start. Each node starts once the previous one is past it
      // (its context prepared); the database work (schema, identity, models) still overlaps.
      CountDownLatch prepared = new CountDownLatch(1);
      List<String> args = new ArrayList<>(List.of(
          "--spring.profiles.active=" + profile,
          "--server.port=0",
          "--spring.datasource.url=" + jdbcUrl,
          "--spring.datasource.username=" + user,
          "--spring.datasource.password=",
          "--camunda.bpm.process-engine-name=node" + i,
          // the job log (ACT_HI_JOB_LOG.HOSTNAME_) says which node ran each job
          "--camunda.bpm.generic-properties.properties.hostname=node" + i,
          "--careflow.digest.cron=-",
          "--careflow.oversight.cache-seconds=0"));
      args.addAll(List.of(extra));
      starting.add(pool.submit(() -> {
        try {
          return new SpringApplicationBuilder(CareflowApplication.class)
              .listeners((ApplicationListener<ApplicationPreparedEvent>) e -> prepared.countDown())
              .run(args.toArray(String[]::new));
        } finally {
          prepared.countDown();
        }
      }));
      try {
        prepared.await(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    List<ConfigurableApplicationContext> started = new ArrayList<>();
    RuntimeException failure = null;
    for (Future<ConfigurableApplicationContext> f : starting) {
      try {
        started.add(f.get());
      } catch (Exception e) {
        failure = failure == null ? new IllegalStateException("a node did not start", e) : failure;
      }
    }
    pool.shutdown();
    if (failure != null) {
      started.forEach(ConfigurableApplicationContext::close);
      throw failure;
    }
    return new ClusterNodes(started);
  }

  public int size() {
    return nodes.size();
  }

  /** A bean of node {@code i} (1-based). */
  public <T> T bean(int i, Class<T> type) {
    return nodes.get(i - 1).getBean(type);
  }

  public ProcessEngine engine(int i) {
    return bean(i, ProcessEngine.class);
  }

  public int port(int i) {
    return ((ServletWebServerApplicationContext) nodes.get(i - 1)).getWebServer().getPort();
  }

  /** Tells every node's job executor to look for due jobs now, instead of after its idle wait. */
  public void wakeJobExecutors() {
    for (ConfigurableApplicationContext n : nodes) {
      ((ProcessEngineConfigurationImpl) n.getBean(ProcessEngine.class).getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
    }
  }

  /** Waits until no job is due any more (each node's executor ran its share); false on time-out. */
  public boolean awaitNoDueJobs(Duration timeout) throws InterruptedException {
    return awaitNoDueJobs(timeout, Duration.ofMillis(200));
  }

  /**
   * As above, looking every {@code poll} at least, and never more than a twentieth of the time: the look
   * itself is work for the database that the burst being measured would otherwise have. It asks whether one
   * due job is left, from the due-date index the job executor acquires by, instead of the engine's count of
   * executable jobs (a join of the job and execution tables: at 100,000 timers 0.6 ms of PostgreSQL's time per
   * job of the burst, more than any statement of the job itself; docs/PERFORMANCE.md).
   */
  public boolean awaitNoDueJobs(Duration timeout, Duration poll) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    var jdbc = bean(1, org.springframework.jdbc.core.JdbcTemplate.class);
    while (System.nanoTime() < end) {
      long t0 = System.nanoTime();
      java.util.List<String> due = jdbc.queryForList("select ID_ from ACT_RU_JOB where (DUEDATE_ <= ? or DUEDATE_ is null) and RETRIES_ > 0"
          + " and SUSPENSION_STATE_ = 1 fetch first 1 rows only", String.class, org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
      if (due.isEmpty()) {
        return true;
      }
      Thread.sleep(Math.max(poll.toMillis(), (System.nanoTime() - t0) / 1_000_000 * 20));
    }
    return false;
  }

  @Override
  public void close() {
    nodes.forEach(ConfigurableApplicationContext::close);
  }

  /** A roster (.xlsx) of new children in one class, student numbers {@code prefix + 1..rows}. */
  public static byte[] roster(int rows, String prefix, String className) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("花名册");
      Row header = sheet.createRow(0);
      for (int i = 0; i < RosterImport.COLUMNS.size(); i++) {
        header.createCell(i).setCellValue(RosterImport.COLUMNS.get(i)[0]);
      }
      for (int r = 1; r <= rows; r++) {
        Row row = sheet.createRow(r);
        String[] v = {prefix + r, "学生" + r, r % 2 == 0 ? "男" : "女", "2018-03-0" + (1 + r % 9), className, "父母双方外出务工",
            "张奶奶", "祖母", "187" + String.format("%08d", r), "张建国", "13800001111", "广东深圳", "李红", "13900002222", "浙江宁波", "测试镇"};
        for (int c = 0; c < v.length; c++) {
          row.createCell(c).setCellValue(v[c]);
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }
}
