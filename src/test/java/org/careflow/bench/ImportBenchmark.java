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
 * Roster import of N new children beside a plain loop of startProcessInstanceByKey for N cases, in
 * the same run. Not a test: {@code mvn -q test -Dtest=ImportBenchmark -Dbench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (10,000 rows; 2,000 with {@code -Dbench.quick=true}, or {@code -Dbench.rows=N}).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ImportBenchmark extends CareflowTest {

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

  @Test
  void importRate() throws IOException {
    int rows = Integer.getInteger("bench.rows", Boolean.getBoolean("bench.quick") ? 2000 : 10_000);
    Map<String, SchoolClass> classes = new LinkedHashMap<>();
    classes.put(school.classA.getName(), school.classA);
    classes.put(school.classB.getName(), school.classB);
    roster.importRoster(new ByteArrayInputStream(workbook(50, 900_000)), classes, "bench"); // warm-up
    byte[] file = workbook(rows, 0);

    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    RosterImport.Result result = roster.importRoster(new ByteArrayInputStream(file), classes, "bench");
    double importSeconds = (System.nanoTime() - t0) / 1e9;
    double importCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;

    // the baseline starts the same number of child-case instances for cases that exist (the model reads them)
    java.util.List<Long> caseIds = jdbc.queryForList("select id from cf_case order by id desc limit " + rows, Long.class);
    long c1 = threads.getCurrentThreadCpuTime();
    long t1 = System.nanoTime();
    transactions.executeWithoutResult(s -> {
      for (Long id : caseIds) {
        runtime.startProcessInstanceByKey("child-case", id.toString(), Map.of("caseId", id));
      }
    });
    double loopSeconds = (System.nanoTime() - t1) / 1e9;
    double loopCpu = (threads.getCurrentThreadCpuTime() - c1) / 1e9;
    // the importing thread's own CPU time: less disturbed by other work on a shared machine
    System.out.printf("BENCH roster_import_%d_rows_per_cpu_second %.0f children/s vs start_process_loop_per_cpu_second %.0f ratio %.2f%n",
        rows, result.created() / importCpu, rows / loopCpu, (result.created() / importCpu) / (rows / loopCpu));
    double importRate = result.created() / importSeconds;
    double loopRate = rows / loopSeconds;
    System.out.printf("BENCH roster_import_%d_rows %.0f children/s vs start_process_loop %.0f ratio %.2f%n",
        rows, importRate, loopRate, importRate / loopRate);
  }
}
