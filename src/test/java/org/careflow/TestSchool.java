package org.careflow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.careflow.identity.Accounts;
import org.careflow.identity.Roles;
import org.careflow.inbox.TaskWork;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small school for the tests, made once per test context: two classes, two class teachers, two
 * mentors, a coordinator and a supervisor, and the 2026 autumn and 2027 spring terms.
 */
@Component
public class TestSchool {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final LocalDate AUTUMN_START = LocalDate.of(2026, 9, 1);
  public static final LocalDate AUTUMN_END = LocalDate.of(2027, 1, 20);
  public static final LocalDate SPRING_START = LocalDate.of(2027, 2, 24);

  private final SchoolRepository schools;
  private final SchoolClassRepository classes;
  private final TeacherRepository teachers;
  private final TermRepository terms;
  private final Accounts accounts;
  private final TaskWork work;
  private final TaskService tasks;
  private final TransactionTemplate transactions;
  private final org.camunda.bpm.engine.ManagementService management;
  private final org.careflow.enrolment.CaseLifecycle lifecycle;
  private final org.camunda.bpm.engine.RuntimeService runtime;

  /**
   * Run-unique: the same in every context of one JVM, different from run to run, so that data made by
   * one test (or left by an earlier run in a kept database) never collides with another's.
   */
  public static final String RUN = Long.toString(System.currentTimeMillis() % (36L * 36 * 36 * 36), 36).toUpperCase();
  private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

  public SchoolClass classA;
  public SchoolClass classB;
  /** A class of its own for the browser-facing tests, whose teacher's inbox holds only their tasks. */
  public SchoolClass classC;
  public Term autumn;

  TestSchool(SchoolRepository schools, SchoolClassRepository classes, TeacherRepository teachers, TermRepository terms,
      Accounts accounts, TaskWork work, TaskService tasks, PlatformTransactionManager txm,
      org.camunda.bpm.engine.ManagementService management, org.careflow.enrolment.CaseLifecycle lifecycle,
      org.camunda.bpm.engine.RuntimeService runtime) {
    this.runtime = runtime;
    this.management = management;
    this.lifecycle = lifecycle;
    this.transactions = new TransactionTemplate(txm);
    this.schools = schools;
    this.classes = classes;
    this.teachers = teachers;
    this.terms = terms;
    this.accounts = accounts;
    this.work = work;
    this.tasks = tasks;
  }

  /** Not @Transactional: the tests read this bean's fields, which a proxy would hide. */
  public synchronized TestSchool ensure() {
    if (classA == null) {
      transactions.executeWithoutResult(s -> create());
    }
    return this;
  }

  private void create() {
    accounts.ensureRoleGroups();
    accounts.ensureUser("tteacher", "测试班主任", "pw", Roles.TEACHER);
    accounts.ensureUser("tteacher2", "测试班主任二", "pw", Roles.TEACHER);
    accounts.ensureUser("tweb", "网页测试班主任", "pw", Roles.TEACHER);
    accounts.ensureUser("tmentor", "测试帮扶教师", "pw", Roles.MENTOR);
    accounts.ensureUser("tmentor2", "测试帮扶教师二", "pw", Roles.MENTOR);
    accounts.ensureUser("tcoordinator", "测试协调员", "pw", Roles.COORDINATOR);
    accounts.ensureUser("tsupervisor", "测试校长", "pw", Roles.SUPERVISOR);
    accounts.ensureUser("tcounsellor", "测试心理老师", "pw", Roles.COUNSELLOR);
    accounts.ensureUser("tadmin", "测试管理员", "pw", Roles.ADMIN);
    School s = schools.save(new School("测试小学", "测试镇"));
    teachers.save(new Teacher("tteacher", "测试班主任", s, "语文", false));
    teachers.save(new Teacher("tteacher2", "测试班主任二", s, "数学", false));
    teachers.save(new Teacher("tmentor", "测试帮扶教师", s, "英语", true));
    teachers.save(new Teacher("tmentor2", "测试帮扶教师二", s, "体育", true));
    classA = classes.save(new SchoolClass(s, "一年级(1)班", 1, "tteacher"));
    classB = classes.save(new SchoolClass(s, "一年级(2)班", 1, "tteacher2"));
    teachers.save(new Teacher("tweb", "网页测试班主任", s, "美术", false));
    classC = classes.save(new SchoolClass(s, "二年级(1)班", 2, "tweb"));
    // scope: each class's group holds its teacher; the coordinator and supervisor look after this school
    accounts.setClassTeacher(classA.getId(), "tteacher");
    accounts.setClassTeacher(classB.getId(), "tteacher2");
    accounts.setClassTeacher(classC.getId(), "tweb");
    accounts.addToSchool("tcoordinator", s.getId());
    accounts.addToSchool("tsupervisor", s.getId());
    accounts.addToSchool("tcounsellor", s.getId());
    autumn = terms.save(new Term(s, "2026年秋季学期", AUTUMN_START, AUTUMN_END));
    terms.save(new Term(s, "2027年春季学期", SPRING_START, LocalDate.of(2027, 7, 4)));
  }

  /**
   * Moves the clock and runs every timer due by then, one at a time, soonest first: a timer that ends
   * the term removes the term's other timers, so a list of due jobs would go stale.
   */
  public void fireTimersDueBy(LocalDateTime t) {
    fireDue(t, List.of(() -> management.createJobQuery().executable()));
  }

  /**
   * As {@link #fireTimersDueBy(LocalDateTime)}, for the timers of the given processes only: a test that moves
   * the clock across a whole year leaves alone the timers other tests' processes (holiday care, carers'
   * follow-up…) have waiting in the shared database.
   */
  public void fireTimersDueBy(LocalDateTime t, String... processKeys) {
    fireDue(t, java.util.Arrays.stream(processKeys).map(key -> (java.util.function.Supplier<org.camunda.bpm.engine.runtime.JobQuery>)
        () -> management.createJobQuery().executable().processDefinitionKey(key)).toList());
  }

  /**
   * As {@link #fireTimersDueBy(LocalDateTime)}, for the timers of these cases' own instances only ({@code child-case},
   * and the {@code family-ties} and {@code support-plan} it starts, looked up at each step): a test that walks one
   * case through a term does not run the timers of every other case in the shared database (that made a
   * year's walk take 17 s instead of one).
   */
  public void fireCaseTimersDueBy(LocalDateTime t, long... caseIds) {
    List<java.util.function.Supplier<org.camunda.bpm.engine.runtime.JobQuery>> queries = new java.util.ArrayList<>();
    for (long caseId : caseIds) {
      queries.add(() -> management.createJobQuery().executable().processInstanceIds(instancesOf(caseId)));
    }
    fireDue(t, queries);
  }

  private java.util.Set<String> instancesOf(long caseId) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    runtime.createProcessInstanceQuery().processDefinitionKeyIn(CASE_PROCESSES)
        .processInstanceBusinessKey(Long.toString(caseId)).list().forEach(pi -> ids.add(pi.getId()));
    if (ids.isEmpty()) {
      throw new AssertionError("case " + caseId + " has no running process");
    }
    return ids;
  }

  /** The processes whose business key is the case id. */
  static final String[] CASE_PROCESSES = {"child-case", "family-ties", "support-plan"};

  /** Moves the clock and runs the soonest due job these queries find, one at a time, until none is due. */
  private void fireDue(LocalDateTime t, List<java.util.function.Supplier<org.camunda.bpm.engine.runtime.JobQuery>> queries) {
    clockAt(t);
    for (int i = 0; i < 1000; i++) {
      org.camunda.bpm.engine.runtime.Job next = null;
      for (java.util.function.Supplier<org.camunda.bpm.engine.runtime.JobQuery> query : queries) {
        List<org.camunda.bpm.engine.runtime.Job> due = query.get().orderByJobDuedate().asc().listPage(0, 1);
        if (!due.isEmpty() && (next == null || due.get(0).getDuedate().before(next.getDuedate()))) {
          next = due.get(0);
        }
      }
      if (next == null) {
        return;
      }
      management.executeJob(next.getId());
    }
    throw new AssertionError("timers keep falling due");
  }

  /** The case-keyed processes and the guardian meetings: the ones a school year's test runs through. */
  public static final String[] CASE_AND_MEETING_PROCESSES = {"child-case", "family-ties", "support-plan", "guardian-meeting"};

  /** A task due "on" a day is due at the last second of that day, in the schools' time zone. */
  public static Date endOfDay(LocalDate d) {
    return Date.from(d.plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(1));
  }

  /** Monday 7 September 2026, 9 o'clock: early in the autumn term, when most tests' cases start. */
  public static final LocalDateTime EARLY_AUTUMN = LocalDateTime.of(2026, 9, 7, 9, 0);

  /** For a test class whose every test starts {@link #EARLY_AUTUMN} (JUnit runs this before each test). */
  public interface EarlyInTheAutumnTerm {
    @org.junit.jupiter.api.BeforeEach
    default void earlyInTheAutumnTerm() {
      clockAt(EARLY_AUTUMN);
    }
  }

  /** Moves the engine's (and so careflow's) clock. */
  public static void clockAt(LocalDateTime t) {
    ClockUtil.setCurrentTime(Date.from(t.atZone(ZONE).toInstant()));
  }

  public static TaskWork.Worker as(String user, String... roles) {
    return new TaskWork.Worker(user, List.of(roles), false);
  }

  public static final TaskWork.Worker TEACHER = as("tteacher", Roles.TEACHER);
  public static final TaskWork.Worker TEACHER2 = as("tteacher2", Roles.TEACHER);
  public static final TaskWork.Worker COORDINATOR = as("tcoordinator", Roles.COORDINATOR);
  public static final TaskWork.Worker SUPERVISOR = as("tsupervisor", Roles.SUPERVISOR);
  public static final TaskWork.Worker COUNSELLOR = as("tcounsellor", Roles.COUNSELLOR);

  public Task task(long caseId, String key) {
    return tasks.createTaskQuery().processDefinitionKey("child-case").processInstanceBusinessKey(Long.toString(caseId)).taskDefinitionKey(key).singleResult();
  }

  public List<Task> tasks(long caseId, String key) {
    return tasks.createTaskQuery().processDefinitionKey("child-case").processInstanceBusinessKey(Long.toString(caseId)).taskDefinitionKey(key).orderByDueDate().asc().list();
  }

  /** Completes a case's open task of this kind through the same path as the task page. */
  public void complete(long caseId, String key, TaskWork.Worker w, Map<String, List<String>> form) {
    Task t = task(caseId, key);
    if (t == null) {
      throw new AssertionError("no open task " + key + " in case " + caseId);
    }
    work.complete(t.getId(), w, form);
  }

  public void completeTask(String taskId, TaskWork.Worker w, Map<String, List<String>> form) {
    work.complete(taskId, w, form);
  }

  public static Map<String, List<String>> form(String... pairs) {
    Map<String, List<String>> f = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      f.put(pairs[i], List.of(pairs[i + 1].split("\\|", -1)));
    }
    return f;
  }

  /** A number no other test (nor an earlier run) uses; letters, digits and '-' only, at most 20 characters. */
  public static long next() {
    return SEQUENCE.incrementAndGet();
  }

  /** A student number of this test's own, e.g. {@code SP3K9Z-17}; the prefix (up to 8 letters) says which test made it. */
  public static String nextStudentNo(String prefix) {
    return prefix + RUN + "-" + next();
  }

  /**
   * A prefix of this test's own for a set of student numbers ({@code batch + i}): no other number
   * starts with it, so {@code LIKE batch || '%'} finds this test's children and nobody else's.
   */
  public static String batch(String prefix) {
    return prefix + RUN + "-" + next() + "-";
  }

  /** A name of this test's own (a child's, a class's): the base and a number. */
  public static String nextName(String base) {
    return base + next();
  }

  /** A class of this test's own in the test school, whose class teacher is {@code teacher}. */
  public SchoolClass newClass(String gradeName, int grade, String teacher) {
    ensure();
    return transactions.execute(s -> {
      SchoolClass c = classes.save(new SchoolClass(classA.getSchool(), gradeName + "年级(" + next() + ")班", grade, teacher));
      accounts.setClassTeacher(c.getId(), teacher);
      return c;
    });
  }

  /**
   * A school of this test's own (named {@code schoolBase} and a number) with the 2026 autumn term, and in
   * it the class {@code className} of {@code teacher}; {@code staff} (coordinators, supervisors…) look after
   * the school. The class's school is {@code getSchool()} of the class returned.
   */
  public SchoolClass classInOwnSchool(String schoolBase, String className, int grade, String teacher, String... staff) {
    ensure();
    return transactions.execute(x -> {
      School s = schools.save(new School(nextName(schoolBase), "测试镇"));
      terms.save(new Term(s, "2026年秋季学期", AUTUMN_START, AUTUMN_END));
      SchoolClass c = classes.save(new SchoolClass(s, className, grade, teacher));
      accounts.setClassTeacher(c.getId(), teacher);
      for (String u : staff) {
        accounts.addToSchool(u, s.getId());
      }
      return c;
    });
  }

  /**
   * A user of this test's own (password "pw") with these roles, a teacher of the test school like
   * tteacher and tmentor: in no class and no school group, so they see nothing until a test gives them work.
   */
  public String newUser(String prefix, String... roles) {
    ensure();
    String id = prefix + RUN.toLowerCase() + next();
    transactions.executeWithoutResult(s -> {
      accounts.ensureUser(id, "测试用户" + id, "pw", roles);
      teachers.save(new Teacher(id, "测试用户" + id, classA.getSchool(), "语文", List.of(roles).contains(Roles.MENTOR)));
    });
    return id;
  }

  /** A new case in class A, registered by its class teacher with a student number of its own: waiting for the verification visit. */
  public long registeredCase() {
    return registeredCase(classA, TEACHER, "T");
  }

  /** A new case in this class, registered by {@code teacher} with a student number of its own. */
  public long registeredCase(SchoolClass c, TaskWork.Worker teacher, String prefix) {
    return registeredCase(c, teacher, "王小明", nextStudentNo(prefix));
  }

  /**
   * A new case of the child {@code name} in this class, registered by {@code teacher} under
   * {@code studentNo} (a test that finds the child by name or number later): waiting for the verification visit.
   */
  public long registeredCase(SchoolClass c, TaskWork.Worker teacher, String name, String studentNo) {
    long caseId = lifecycle.enrol(name, c.getId(), "tcoordinator").getId();
    Map<String, List<String>> archive = new java.util.LinkedHashMap<>(archive(studentNo, "BOTH_AWAY", LocalDate.of(2026, 1, 1)));
    archive.put("name", List.of(name));
    complete(caseId, "registerChild", teacher, archive);
    return caseId;
  }

  /** A case in care in class A (class teacher tteacher, mentor tmentor). */
  public long caseInCare() {
    return caseInCare(classA, TEACHER, "tmentor", "T");
  }

  /**
   * Registration, verification visit, pairing with {@code mentor} and first meeting, all on the
   * clock's day: the case is in care, with the term's talks in the inboxes.
   */
  public long caseInCare(SchoolClass c, TaskWork.Worker teacher, String mentor, String prefix) {
    return caseInCare(c, teacher, mentor, "王小明", nextStudentNo(prefix));
  }

  /** As {@link #caseInCare(SchoolClass, TaskWork.Worker, String, String)}, for the child {@code name} under {@code studentNo}. */
  public long caseInCare(SchoolClass c, TaskWork.Worker teacher, String mentor, String name, String studentNo) {
    long caseId = registeredCase(c, teacher, name, studentNo);
    String today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE).toString();
    complete(caseId, "verificationVisit", teacher, form("visitDate", today, "metWith", "祖母",
        "homeConditions", "砖房，有书桌", "guardianHealth", "GOOD", "archiveConfirmed", "true"));
    complete(caseId, "assignMentor", COORDINATOR, form("mentor", mentor));
    complete(caseId, "firstMeeting", as(mentor, Roles.MENTOR), form("meetingDate", today, "mood", "CALM", "notes", "第一次见面"));
    return caseId;
  }

  /**
   * Waits until the condition holds, asking every 50 ms, for at most {@code limit} (be generous: the
   * build machine may be busy); fails with {@code what} if it never does. For tests that wait on the
   * application or another process, instead of sleeping.
   */
  public static void await(String what, java.time.Duration limit, java.util.function.BooleanSupplier condition) {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("waited " + limit.toSeconds() + " s for: " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for: " + what);
      }
    }
  }

  /** A complete, valid archive as the registration form posts it. */
  public static Map<String, List<String>> archive(String studentNo, String careType, LocalDate awaySince) {
    return form("consentGiven", "true", "consentBy", "王奶奶", "consentMethod", "WRITTEN",
        "studentNo", studentNo, "name", "王小明", "sex", "M", "birthDate", "2019-03-08", "careType", careType,
        "homeAddress", "测试镇石桥村3组", "fatherName", "王建军", "fatherPhone", "13812345678",
        "fatherWorkplace", "广东深圳", "fatherAwaySince", awaySince.toString(),
        "motherName", "李秀娟", "motherPhone", "0755-26001234", "motherAwaySince", awaySince.toString(),
        "guardianName", "王奶奶", "guardianRelationship", "祖母", "guardianPhone", "18712345678", "guardianAge", "66");
  }
}
