package org.careflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.careflow.reminders.FakePlatforms;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo school as a first start seeds it (default profile, H2 file), started once per test JVM and
 * shared by the test classes that only look at it or add their own small changes: seeding it costs
 * 20-40 s, so each class starting its own kept {@code mvn verify} over its budget. A class that needs it
 * untouched (the teacher's whole month counted in the browser) starts an application of its own on a copy
 * of the database as seeded ({@link #seededCopy}), which saves the seeding; the first start itself
 * (EmbeddedDefaultTest) still seeds its own.
 * Its 企业微信 and 钉钉 are {@link FakePlatforms}; its schedulers are off (tests send when they choose).
 */
public final class DemoSchoolApp {

  public static final String BASE_URL = "https://careflow.example.edu.cn";

  private static DemoSchoolApp shared;

  public final ConfigurableApplicationContext app;
  public final int port;
  public final String base;
  public final FakePlatforms fake;
  public final JdbcTemplate jdbc;
  /** H2's own backup of the database taken right after the seeding, before any test changed it. */
  private final Path seeded;

  private DemoSchoolApp(ConfigurableApplicationContext app, FakePlatforms fake, Path seeded) {
    this.app = app;
    this.fake = fake;
    this.seeded = seeded;
    this.port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    this.base = "http://localhost:" + port;
    this.jdbc = app.getBean(JdbcTemplate.class);
  }

  /** The shared demo school, started on first use; closed when the test JVM ends. */
  public static synchronized DemoSchoolApp get() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  private static DemoSchoolApp start() {
    try {
      Path dir = Files.createTempDirectory("careflow-demo");
      FakePlatforms fake = new FakePlatforms();
      ConfigurableApplicationContext app = new SpringApplicationBuilder(CareflowApplication.class).run(
          "--server.port=0",
          "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/careflow") + ";DB_CLOSE_ON_EXIT=FALSE",
          "--camunda.bpm.process-engine-name=demo-shared",
          "--camunda.bpm.job-execution.enabled=false",
          "--careflow.backup-dir=" + dir.resolve("backups"),
          "--careflow.digest.cron=-",
          "--careflow.retention.cron=-",
          "--careflow.reminders.scheduler=false",
          "--careflow.base-url=" + BASE_URL,
          "--careflow.secrets-key=a-test-key-of-some-length",
          "--careflow.wecom.corp-id=" + FakePlatforms.CORP_ID,
          "--careflow.wecom.agent-id=" + FakePlatforms.AGENT_ID,
          "--careflow.wecom.secret=" + FakePlatforms.CORP_SECRET,
          "--careflow.wecom.base-url=" + fake.baseUrl(),
          "--careflow.dingtalk.robot-webhook=" + fake.robotWebhook(),
          "--careflow.dingtalk.robot-secret=" + FakePlatforms.ROBOT_SECRET);
      Path seeded = dir.resolve("seeded.zip");
      app.getBean(JdbcTemplate.class).execute("BACKUP TO '" + seeded + "'"); // consistent while the database is open
      DemoSchoolApp demo = new DemoSchoolApp(app, fake, seeded);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        app.close();
        fake.close();
        delete(dir);
      }));
      return demo;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The database as the seeding left it, unpacked into {@code dir} (an H2 file URL for it is returned):
   * for a test that must see the demo untouched by the other classes.
   */
  public String seededCopy(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(seeded))) {
      for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        Path to = dir.resolve(Path.of(e.getName()).getFileName().toString());
        Files.copy(zip, to);
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      String db = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mv.db")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no database in " + seeded));
      return "jdbc:h2:file:" + dir.resolve(db.substring(0, db.length() - ".mv.db".length())) + ";DB_CLOSE_ON_EXIT=FALSE";
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder: the system cleans it in the end
    }
  }
}
