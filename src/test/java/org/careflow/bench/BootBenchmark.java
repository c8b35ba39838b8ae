package org.careflow.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.careflow.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Boot of the embedded default (H2 file, demo school already seeded) until it is ready, in a JVM of its
 * own, beside a bare Spring Boot + Camunda application (engine, REST, webapps; same class path and
 * settings; {@code benchbaseline.BareCamundaApplication}) on an H2 file of its own. Each is started once to make its
 * database (careflow: and seed the demo school), then {@code bench.boots} times (3, quick 2) in turns; the
 * median counts. "Ready" is the readiness probe answering UP, i.e. after every start-up runner; careflow
 * runs with {@code careflow.boot-timings=true}, and the breakdown of its last start
 * ({@code database.BootTimings}) is printed as BENCH-INFO lines. Not a test:
 * {@code mvn -q test -Dtest=BootBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class BootBenchmark {

  @Test
  void bootOfTheEmbeddedDefault() throws Exception {
    int boots = Integer.getInteger("bench.boots", Boolean.getBoolean("bench.quick") ? 2 : 3);
    Path dir = Files.createTempDirectory("careflow-boot-bench");
    String careflowDb = "jdbc:h2:file:" + dir.resolve("careflow/data/careflow") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;WRITE_DELAY=0";
    String bareDb = "jdbc:h2:file:" + dir.resolve("bare/data/bare") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;WRITE_DELAY=0";
    List<String> careflow = List.of("org.careflow.CareflowApplication", "--spring.datasource.url=" + careflowDb,
        "--careflow.backup-dir=" + dir.resolve("careflow/backups"), "--careflow.digest.cron=-", "--careflow.boot-timings=true");
    List<String> bare = List.of("benchbaseline.BareCamundaApplication", "--spring.datasource.url=" + bareDb,
        "--management.endpoint.health.probes.enabled=true");
    long t = System.nanoTime();
    boot(careflow, dir, "seed", 60); // the first start seeds the demo school (minutes on a loaded machine)
    System.out.printf("BENCH-INFO boot_embedded_demo first start with demo seeding %.1f s%n", (System.nanoTime() - t) / 1e9);
    boot(bare, dir, "bare-create", 15);
    double[] careflowTimes = new double[boots];
    double[] bareTimes = new double[boots];
    Path lastLog = null;
    for (int i = 0; i < boots; i++) {
      Object[] c = boot(careflow, dir, "careflow-" + i, 15);
      careflowTimes[i] = (double) c[0];
      lastLog = (Path) c[1];
      bareTimes[i] = (double) boot(bare, dir, "bare-" + i, 15)[0];
      System.out.printf("BENCH-INFO boot round %d: careflow %.1f s, bare Boot + Camunda %.1f s%n", i + 1, careflowTimes[i], bareTimes[i]);
    }
    for (String line : Files.readAllLines(lastLog, StandardCharsets.UTF_8)) {
      int at = line.indexOf("BOOT-TIMING ");
      if (at >= 0) {
        System.out.println("BENCH-INFO boot_embedded_demo " + line.substring(at + "BOOT-TIMING ".length()));
      }
    }
    double value = median(careflowTimes);
    double baseline = median(bareTimes);
    System.out.printf("BENCH boot_embedded_demo %.1f s vs boot_bare_camunda %.1f ratio %.2f%n", value, baseline, value / baseline);
  }

  /** Starts the application in a JVM of its own; seconds until its readiness probe answers UP, and its log. */
  private static Object[] boot(List<String> mainAndArgs, Path dir, String name, int minutes) throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    boolean bare = mainAndArgs.get(0).startsWith("benchbaseline.");
    String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.contains("surefire") && (bare || !e.endsWith("test-classes")))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx1g", "-Dfile.encoding=UTF-8", "-Duser.timezone=UTC", "-cp", classpath));
    command.add(mainAndArgs.get(0));
    command.addAll(mainAndArgs.subList(1, mainAndArgs.size()));
    command.add("--server.port=" + port);
    command.add("--camunda.bpm.job-execution.enabled=false");
    Path log = dir.resolve("boot-" + name + ".log");
    long t0 = System.nanoTime();
    Process app = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      while (System.nanoTime() - t0 < Duration.ofMinutes(minutes).toNanos() && app.isAlive()) {
        try {
          if (new WebSession(port).get("/actuator/health/readiness").body().contains("\"status\":\"UP\"")) {
            return new Object[] {(System.nanoTime() - t0) / 1e9, log};
          }
        } catch (RuntimeException notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      throw new AssertionError("the application did not start; see " + log);
    } finally {
      app.destroy();
      app.waitFor();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}
