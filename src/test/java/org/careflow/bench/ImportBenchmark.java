package org.careflow.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.careflow.CareflowTest;
import org.careflow.enrolment.RosterImport;
import org.careflow.school.SchoolClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Roster import of N new children beside a plain loop of N starts of the no-op baseline model
 * ({@link NoopChildCase}), in the same run, on the same H2 file; careflow's own model in the same loop
 * is printed for reference. Not a test: {@code mvn -q test -Dtest=ImportBenchmark -Dbench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (10,000 rows; 2,000 with {@code -Dbench.quick=true}, or {@code -Dbench.rows=N});
 * three rounds of import then loop ({@code -Dbench.rounds=N}), medians printed, after an untimed round of
 * at least 10,000 rows ({@code -Dbench.warmUp=N}).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ImportBenchmark extends CareflowTest {

  /**
   * An H2 file, as the embedded default uses (and an in-memory database would hold 100,000 cases and
   * their history in the heap), fresh for each run.
   */
  private static java.nio.file.Path dir;

  /** A run leaves gigabytes of H2 file (docs/PERFORMANCE.md); Linux frees them once the context closes. */
  @org.junit.jupiter.api.AfterAll
  static void deleteDatabase() {
    org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile());
  }

  @org.springframework.test.context.DynamicPropertySource
  static void database(org.springframework.test.context.DynamicPropertyRegistry registry) throws IOException {
    dir = java.nio.file.Files.createTempDirectory("careflow-import-bench");
    registry.add("spring.datasource.url",
        () -> "jdbc:h2:file:" + dir.resolve("careflow") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;WRITE_DELAY=0");
    // no statement counting (the test profile's datasource-proxy, org.careflow.StatementCounter): a server
    // has no such wrapper, and it costs each bound parameter, so it weighs on the import's 27 rows per
    // child more than on the baseline's start
    registry.add("careflow.test.count-statements", () -> "false");
  }

  @Autowired RosterImport roster;
  @Autowired RuntimeService runtime;
  @Autowired TransactionTemplate transactions;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  static byte[] workbook(int rows, int offset) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("花名册");
      Row header = sheet.createRow(0);
      for (int i = 0; i < RosterImport.COLUMNS.size(); i++) {
        header.createCell(i).setCellValue(RosterImport.COLUMNS.get(i)[0]);
      }
      for (int r = 1; r <= rows; r++) {
        Row row = sheet.createRow(r);
        String[] v = {"B" + (offset + r), "学生" + r, r % 2 == 0 ? "男" : "女", "2018-03-0" + (1 + r % 9), "一年级(1)班", "父母双方外出务工",
            "张奶奶", "祖母", "187" + String.format("%08d", r), "张建国", "13800001111", "广东深圳", "李红", "13900002222", "浙江宁波", "测试镇"};
        for (int c = 0; c < v.length; c++) {
          row.createCell(c).setCellValue(v[c]);
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  @Autowired org.camunda.bpm.engine.RepositoryService repository;

  @Test
  void importRate() throws IOException {
    int rows = Integer.getInteger("bench.rows", Boolean.getBoolean("bench.quick") ? 2000 : 10_000);
    int rounds = Integer.getInteger("bench.rounds", 3);
    Map<String, SchoolClass> classes = new LinkedHashMap<>();
    classes.put(school.classA.getName(), school.classA);
    classes.put(school.classB.getName(), school.classB);
    String noop = NoopChildCase.deploy(repository);
    // an untimed round first: the JIT compiles the engine's and the import's paths (a server that has
    // run for a while has done so), and all measured paths start from the same compiled code
    // a whole round, and at least 10,000 rows, as at full size: with a quarter of a round the rounds still
    // sped up one after another (JIT), and so did quick mode's three rounds of 2,000 after a warm-up of 2,000
    // (577, 731, 835 children/s; at full size 1,118, 1,075, 1,053) and after 5,000 (772, 940, 958; 1,077 after
    // 10,000, 1,099 at full size); -Dbench.warmUp=N to choose
    int warmUp = Integer.getInteger("bench.warmUp", Math.max(rows, 10_000));
    roster.importRoster(new ByteArrayInputStream(workbook(warmUp, 900_000)), classes, "bench");
    java.util.List<Long> warmUpCases = jdbc.queryForList("select id from cf_case order by id desc limit " + warmUp, Long.class);
    transactions.executeWithoutResult(s -> warmUpCases.forEach(id -> runtime.startProcessInstanceByKey("child-case", id.toString(), Map.of("caseId", id))));
    noopLoop(noop, warmUpCases);

    // import and loops alternate, so that all meet the same machine and the same growing tables
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] importRate = new double[rounds];
    double[] loopRate = new double[rounds];
    double[] noopRate = new double[rounds];
    double[] importCpuRate = new double[rounds];
    double[] noopCpuRate = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      byte[] file = workbook(rows, round * 100_000);
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      RosterImport.Result result = roster.importRoster(new ByteArrayInputStream(file), classes, "bench");
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
      if (result.created() != rows) {
        throw new AssertionError("the import created " + result.created() + " children of " + rows);
      }
      importRate[round] = rows / seconds;
      importCpuRate[round] = rows / cpu;

      // the baseline: as many starts of the no-op model (NoopChildCase), one engine call each in one
      // transaction, under the same case ids as business keys
      java.util.List<Long> caseIds = jdbc.queryForList("select id from cf_case order by id desc limit " + rows, Long.class);
      long c2 = threads.getCurrentThreadCpuTime();
      long t2 = System.nanoTime();
      noopLoop(noop, caseIds);
      noopRate[round] = rows / ((System.nanoTime() - t2) / 1e9);
      noopCpuRate[round] = rows / ((threads.getCurrentThreadCpuTime() - c2) / 1e9);

      // for reference: careflow's own model started in the same plain loop (what the import replaces)
      long t1 = System.nanoTime();
      transactions.executeWithoutResult(s -> {
        for (Long id : caseIds) {
          runtime.startProcessInstanceByKey("child-case", id.toString(), Map.of("caseId", id));
        }
      });
      loopRate[round] = rows / ((System.nanoTime() - t1) / 1e9);
      System.out.printf("BENCH-INFO round %d: import %.0f children/s, no-op model loop %.0f starts/s, careflow model loop %.0f starts/s%n",
          round + 1, importRate[round], noopRate[round], loopRate[round]);
    }
    System.out.printf("BENCH-INFO roster_import_h2 rows %d, rounds %d (medians)%n", rows, rounds);
    // the importing thread's own CPU time: less disturbed by other work on a shared machine
    print("BENCH-INFO", "roster_import_h2_per_cpu_second", median(importCpuRate), "noop_start_loop_h2_per_cpu_second", median(noopCpuRate));
    print("BENCH-INFO", "roster_import_h2", median(importRate), "careflow_start_loop_h2", median(loopRate));
    print("BENCH", "roster_import_h2", median(importRate), "noop_start_loop_h2", median(noopRate));
  }

  private void noopLoop(String definition, java.util.List<Long> caseIds) {
    transactions.executeWithoutResult(s -> {
      for (Long id : caseIds) {
        runtime.startProcessInstanceById(definition, id.toString(), Map.of("caseId", id));
      }
    });
  }

  private static void print(String tag, String name, double value, String baseline, double baselineValue) {
    System.out.printf("%s %s %.0f children/s vs %s %.0f ratio %.2f%n", tag, name, value, baseline, baselineValue, value / baselineValue);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}
