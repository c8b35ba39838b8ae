package org.careflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * careflow killed with {@code kill -9} while teachers enrol children and register them: started as a
 * separate JVM on an H2 file (the embedded default, set up from a workbook), driven over HTTP by two
 * teachers' sessions, killed once some work has been acknowledged, started again on the same file.
 * Every enrolment and registration that was answered is there, and nothing is there twice.
 */
class CrashTest {

  private static final String ADMIN_PASSWORD = "Crash-Admin-Pass-1";
  private static final String TEACHER = "crashteacher";
  private static final String TEACHER_PASSWORD = "Crash-Teacher-Pass-1";

  private static final Pattern CLASS_OPTION = Pattern.compile("<option value=\"(\\d+)\"");
  private static final Pattern CASE_ID = Pattern.compile("/cases/(\\d+)/diagram");
  private static final Pattern TASK_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Process start(Path dir, int port, String name) throws IOException {
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    String classpath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(e -> !e.endsWith("test-classes") && !e.contains("surefire")).collect(Collectors.joining(java.io.File.pathSeparator));
    // C1 only: the node starts in a quarter less time, and what is checked (nothing answered is lost,
    // nothing is there twice) does not depend on the compiler
    return new ProcessBuilder(javaBin, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "org.careflow.CareflowApplication",
        "--server.port=" + port, "--careflow.backup-dir=" + dir.resolve("backups"),
        // a school of its own from the set-up workbook: no demo to seed, so both starts are quick
        "--spring.profiles.active=prod", "--careflow.admin.password=" + ADMIN_PASSWORD)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile())
        .start();
  }

  private static void awaitUp(Process app, int port, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        throw new AssertionError("careflow exited: " + tail(log));
      }
      try {
        if (new WebSession(port).get("/actuator/health").body().contains("\"status\":\"UP\"")) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(200); // a start takes seconds: a finer poll only answers sooner
    }
    throw new AssertionError("careflow did not start: " + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static Map<String, List<String>> registration(String studentNo) {
    return TestSchool.archive(studentNo, "BOTH_AWAY", LocalDate.now().minusMonths(8));
  }

  @Test
  void afterKillNineEveryAcknowledgedEnrolmentAndRegistrationIsThereExactlyOnce(@TempDir Path dir) throws Exception {
    int port = freePort();
    Process app = start(dir, port, "first");
    Map<String, Long> enrolled = new ConcurrentHashMap<>(); // child name -> child id, answered
    Map<Long, Long> caseOf = new ConcurrentHashMap<>();     // child id -> case id
    Map<Long, String> registered = new ConcurrentHashMap<>(); // case id -> registerChild task id, answered
    AtomicInteger attempts = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService teachers = Executors.newFixedThreadPool(2);
    try {
      awaitUp(app, port, dir.resolve("first.log"));
      Map<String, String> initial = SetupWorkbooks.upload(port, ADMIN_PASSWORD,
          SetupWorkbooks.oneClass("崩溃测试小学", "三年级(1)班", TEACHER, "崩溃测试老师", LocalDate.now(TestSchool.ZONE)));
      SetupWorkbooks.chooseOwnPassword(port, TEACHER, initial.get(TEACHER), TEACHER_PASSWORD);
      String classId;
      {
        Matcher m = CLASS_OPTION.matcher(new WebSession(port).login(TEACHER, TEACHER_PASSWORD).get("/enrol").body());
        assertThat(m.find()).isTrue();
        classId = m.group(1);
      }
      for (int t = 0; t < 2; t++) {
        teachers.submit(() -> {
          WebSession s = new WebSession(port).login(TEACHER, TEACHER_PASSWORD);
          WebSession engine = new WebSession(port);
          while (!stop.get()) {
            int n = attempts.incrementAndGet();
            String name = "崩溃测试" + n;
            s.get("/enrol");
            HttpResponse<String> r = s.post("/enrol", Map.of("name", List.of(name), "classId", List.of(classId)));
            String location = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 302 || !location.contains("/children/")) {
              throw new AssertionError("enrol answered " + r.statusCode() + " " + location);
            }
            long childId = Long.parseLong(location.replaceAll(".*/children/(\\d+).*", "$1"));
            enrolled.put(name, childId);
            Matcher c = CASE_ID.matcher(s.get("/children/" + childId).body());
            if (!c.find()) {
              throw new AssertionError("no case on the child's page");
            }
            long caseId = Long.parseLong(c.group(1));
            caseOf.put(childId, caseId);
            Matcher task = TASK_ID.matcher(engine.basic("/engine-rest/task?processInstanceBusinessKey=" + caseId
                + "&taskDefinitionKey=registerChild", "admin", ADMIN_PASSWORD).body());
            if (!task.find()) {
              throw new AssertionError("no registration task for case " + caseId);
            }
            String taskId = task.group(1);
            s.get("/tasks/" + taskId);
            Map<String, List<String>> archive = new HashMap<>(registration("CR" + n));
            archive.put("name", List.of(name)); // the registration confirms the name from the roster
            HttpResponse<String> done = s.post("/tasks/" + taskId, archive);
            if (done.statusCode() != 302) {
              throw new AssertionError("registration answered " + done.statusCode());
            }
            registered.put(caseId, taskId);
          }
          return null;
        });
      }
      // kill -9 once some work is acknowledged, while both teachers are still sending
      TestSchool.await("six acknowledged registrations", Duration.ofMinutes(5), () -> registered.size() >= 6 || !app.isAlive());
      app.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
      stop.set(true);
    } finally {
      teachers.shutdownNow();
      teachers.awaitTermination(30, TimeUnit.SECONDS);
      if (app.isAlive()) {
        app.destroyForcibly().waitFor();
      }
    }
    assertThat(registered).as("work acknowledged before the kill").hasSizeGreaterThanOrEqualTo(6);
    Map<String, Long> answeredEnrolments = Map.copyOf(enrolled);
    Map<Long, String> answeredRegistrations = Map.copyOf(registered);

    // started again on the same file: up, and still taking work
    Process again = start(dir, port, "second");
    try {
      awaitUp(again, port, dir.resolve("second.log"));
      WebSession s = new WebSession(port).login(TEACHER, TEACHER_PASSWORD);
      s.get("/enrol");
      HttpResponse<String> r = s.post("/enrol", Map.of("name", List.of("重启之后"), "classId", List.of(enrolledClass(s))));
      assertThat(r.statusCode()).isEqualTo(302);
    } finally {
      again.destroy(); // a normal stop, so that the test can open the file
      if (!again.waitFor(60, TimeUnit.SECONDS)) {
        again.destroyForcibly().waitFor();
      }
    }

    try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/careflow"), "sa", "")) {
      // no name twice, no child with two cases, no case with two process instances or two open tasks of a kind
      assertThat(list(db, "select name from cf_child where name like '崩溃测试%' group by name having count(*) > 1")).isEmpty();
      assertThat(list(db, "select child_id from cf_case group by child_id having count(*) > 1")).isEmpty();
      assertThat(list(db, "select BUSINESS_KEY_ from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'child-case' group by BUSINESS_KEY_ having count(*) > 1")).isEmpty();
      assertThat(list(db, "select PROC_INST_ID_ || TASK_DEF_KEY_ from ACT_RU_TASK where TASK_DEF_KEY_ in ('registerChild', 'verificationVisit')"
          + " group by PROC_INST_ID_, TASK_DEF_KEY_ having count(*) > 1")).isEmpty();
      long firstId = answeredEnrolments.values().stream().mapToLong(Long::longValue).min().orElse(0);
      String found = String.join(", ", list(db, "select id || ':' || name from cf_child where id >= ? order by id", firstId));
      for (Map.Entry<String, Long> e : answeredEnrolments.entrySet()) {
        assertThat(list(db, "select id from cf_child where name = ?", e.getKey())).as("%s; answered %s; in the file %s", e.getKey(), answeredEnrolments, found)
            .containsExactly(e.getValue().toString());
        Long caseId = caseOf.get(e.getValue());
        if (caseId != null) {
          assertThat(list(db, "select ID_ from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'child-case' and BUSINESS_KEY_ = ?", caseId.toString())).hasSize(1);
        }
      }
      for (Map.Entry<Long, String> e : answeredRegistrations.entrySet()) {
        String caseId = e.getKey().toString();
        assertThat(list(db, "select DELETE_REASON_ from ACT_HI_TASKINST where ID_ = ?", e.getValue())).containsExactly("completed");
        assertThat(list(db, "select registered_at from cf_child ch join cf_case c on c.child_id = ch.id where c.id = ?", caseId)).doesNotContainNull();
        assertThat(list(db, "select t.ID_ from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_ where e.BUSINESS_KEY_ = ? and t.TASK_DEF_KEY_ = 'registerChild'", caseId)).isEmpty();
        assertThat(list(db, "select t.ID_ from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_ where e.BUSINESS_KEY_ = ? and t.TASK_DEF_KEY_ = 'verificationVisit'", caseId)).hasSize(1);
      }
      System.out.printf("crash test: %d enrolments and %d registrations answered before kill -9 (%d attempted); all found once after the restart%n",
          answeredEnrolments.size(), answeredRegistrations.size(), attempts.get());
    }
  }

  private static String enrolledClass(WebSession s) {
    Matcher m = CLASS_OPTION.matcher(s.get("/enrol").body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static List<String> list(Connection db, String sql, Object... args) throws Exception {
    try (PreparedStatement p = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }
}
