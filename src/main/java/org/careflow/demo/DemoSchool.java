package org.careflow.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.careflow.support.SupportPlanProcess;
import org.careflow.guardianmeeting.GuardianMeetingProcess;
import org.careflow.enrolment.ChildCaseProcess;
import org.careflow.child.CareCase;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.family.FamilyCalls;
import org.careflow.guardianmeeting.GuardianMeetings;
import org.careflow.identity.Accounts;
import org.careflow.identity.CurrentUser;
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
import org.careflow.shared.CareClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo school, seeded on the first start of the demo profile: two classes, 24 children, and a term
 * replayed day by day from its first day to today through the same processes and the same forms the
 * teachers use, with the engine's clock moved. So the inbox shows what a real school's would: talks
 * done, due and overdue, visits and pairings pending, a guardian meeting planned, a term review waiting.
 * Deterministic: the same children and the same choices every time, dated relative to today.
 */
@Component
@Profile("demo")
@Order(10)
class DemoSchool implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoSchool.class);
  static final String PASSWORD = "demo";

  private final SchoolRepository schools;
  private final SchoolClassRepository classes;
  private final TeacherRepository teachers;
  private final TermRepository terms;
  private final Accounts accounts;
  private final CaseLifecycle lifecycle;
  private final GuardianMeetings meetings;
  private final TaskWork work;
  private final TaskService tasks;
  private final ManagementService management;
  private final CareClock clock;
  private final TransactionTemplate transactions;
  private final org.careflow.family.FamilyCalls familyCalls;
  private final org.careflow.child.CareCases cases;
  @org.springframework.beans.factory.annotation.Autowired private DemoActivities demoActivities;

  private org.careflow.shared.SchoolSeeding seeding = new org.careflow.shared.SchoolSeeding();

  /** Tells the sign-in page while the school is being seeded. */
  @org.springframework.beans.factory.annotation.Autowired
  void setSeeding(org.careflow.shared.SchoolSeeding seeding) {
    this.seeding = seeding;
  }
  @org.springframework.beans.factory.annotation.Autowired private DemoStudyHelp studyHelp;

  DemoSchool(org.careflow.family.FamilyCalls familyCalls, org.careflow.child.CareCases cases, SchoolRepository schools, SchoolClassRepository classes, TeacherRepository teachers, TermRepository terms,
      Accounts accounts, CaseLifecycle lifecycle, GuardianMeetings meetings, TaskWork work, TaskService tasks,
      ManagementService management, CareClock clock, PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.familyCalls = familyCalls;
    this.cases = cases;
    this.schools = schools;
    this.classes = classes;
    this.teachers = teachers;
    this.terms = terms;
    this.accounts = accounts;
    this.lifecycle = lifecycle;
    this.meetings = meetings;
    this.work = work;
    this.tasks = tasks;
    this.management = management;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (schools.count() > 0) {
      return; // seeded before: a restart keeps what is there
    }
    long started = System.nanoTime();
    LocalDateTime realNow = clock.localNow();
    seeding.started();
    log.info("demo school: seeding a term and a half of work (about a minute); sign-in waits until it is done");
    try {
      // One transaction: a seeding that fails leaves no half-built school behind.
      transactions.executeWithoutResult(status -> seed(realNow));
    } finally {
      ClockUtil.reset();
      seeding.finished();
    }
    log.info("demo school seeded in {} ms: sign-in is open", (System.nanoTime() - started) / 1_000_000);
  }

  // -- people -------------------------------------------------------------------------------------

  private School school;
  private SchoolClass classA;
  private SchoolClass classB;
  private Term previousTerm;
  private Term currentTerm;

  private void people() {
    accounts.ensureRoleGroups();
    accounts.ensureUser("teacher", "李秀英", PASSWORD, Roles.TEACHER);
    accounts.ensureUser("teacher2", "王建国", PASSWORD, Roles.TEACHER);
    accounts.ensureUser("mentor", "张丽", PASSWORD, Roles.MENTOR);
    accounts.ensureUser("mentor2", "陈志强", PASSWORD, Roles.MENTOR);
    accounts.ensureUser("mentor3", "刘芳", PASSWORD, Roles.MENTOR);
    accounts.ensureUser("coordinator", "赵德明", PASSWORD, Roles.COORDINATOR);
    accounts.ensureUser("supervisor", "周校长", PASSWORD, Roles.SUPERVISOR);
    accounts.ensureUser("counsellor", "孙敏", PASSWORD, Roles.COUNSELLOR);
    accounts.ensureUser("admin", "系统管理员", PASSWORD, Roles.ADMIN);

    school = schools.save(new School("青山镇中心小学", "青山镇"));
    teachers.save(new Teacher("teacher", "李秀英", school, "语文", false));
    teachers.save(new Teacher("teacher2", "王建国", school, "数学", false));
    teachers.save(new Teacher("mentor", "张丽", school, "英语", true));
    teachers.save(new Teacher("mentor2", "陈志强", school, "体育", true));
    teachers.save(new Teacher("mentor3", "刘芳", school, "音乐", true));
    teachers.save(new Teacher("coordinator", "赵德明", school, null, false));
    teachers.save(new Teacher("counsellor", "孙敏", school, "心理健康", false));
    classA = classes.save(new SchoolClass(school, "三年级(1)班", 3, "teacher"));
    classB = classes.save(new SchoolClass(school, "四年级(2)班", 4, "teacher2"));
    // scope (docs/ARCHITECTURE.md): each class's group holds its teacher; the coordinator and the
    // principal look after this school
    accounts.setClassTeacher(classA.getId(), "teacher");
    accounts.setClassTeacher(classB.getId(), "teacher2");
    accounts.addToSchool("coordinator", school.getId());
    accounts.addToSchool("supervisor", school.getId());
    accounts.addToSchool("counsellor", school.getId());
  }

  /** Terms around today: autumn runs 1 Sep to 20 Jan, spring 24 Feb to 4 Jul. */
  private void calendar(LocalDate today) {
    int y = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1; // the autumn term's year
    Term springBefore = terms.save(new Term(school, y + "年春季学期", LocalDate.of(y, 2, 24), LocalDate.of(y, 7, 4)));
    Term autumn = terms.save(new Term(school, y + "年秋季学期", LocalDate.of(y, 9, 1), LocalDate.of(y + 1, 1, 20)));
    Term spring = terms.save(new Term(school, (y + 1) + "年春季学期", LocalDate.of(y + 1, 2, 24), LocalDate.of(y + 1, 7, 4)));
    terms.save(new Term(school, (y + 1) + "年秋季学期", LocalDate.of(y + 1, 9, 1), LocalDate.of(y + 2, 1, 20)));
    boolean inSpring = spring.contains(today) || today.isAfter(spring.getEndDate());
    currentTerm = inSpring ? spring : autumn;
    previousTerm = inSpring ? autumn : springBefore;
  }

  // -- the replay ---------------------------------------------------------------------------------

  private final List<DemoChild> kids = new ArrayList<>();
  private final Map<Long, DemoChild> byCase = new HashMap<>();
  private final Map<String, Long> caseOfInstance = new HashMap<>();

  private void seed(LocalDateTime realNow) {
    people();
    LocalDate today = realNow.toLocalDate();
    calendar(today);
    kids.addAll(DemoChild.roster(classA.getId(), classB.getId(), today));
    Map<LocalDate, List<Runnable>> events = new HashMap<>();
    for (DemoChild k : kids) {
      LocalDate day = k.startsLastTerm ? previousTerm.getStartDate().plusDays(2)
          : k.enrolDaysBeforeToday >= 0 ? today.minusDays(k.enrolDaysBeforeToday)
          : currentTerm.getStartDate().plusDays(1);
      events.computeIfAbsent(day, d -> new ArrayList<>()).add(() -> enrol(k));
    }
    // Class B held its guardian meeting a week ago, and two guardians did not come; class A's is
    // planned for two weeks from now, its invitations still to be sent. The meetings themselves were
    // started as a real school's are: by the classes' cases entering the term (GuardianMeetings.ensureForTerm).
    long[] meetingB = new long[1];
    events.computeIfAbsent(today.minusDays(30), d -> new ArrayList<>()).add(() -> {
      meetingB[0] = meetings.ensureForTerm(classB.getId(), currentTerm.getId());
      completeMeetingTask(meetingB[0], GuardianMeetingProcess.TASK_PLAN, "teacher2", Map.of("meetingDate", List.of(today.minusDays(7).toString()),
          "location", List.of("四年级(2)班教室"), "agenda", List.of("通报学生在校情况；安全教育（防溺水）；监护人交流")));
    });
    events.computeIfAbsent(today.minusDays(25), d -> new ArrayList<>()).add(() ->
        completeMeetingTask(meetingB[0], GuardianMeetingProcess.TASK_INVITE, "teacher2", Map.of("method", List.of("PHONE"))));
    events.computeIfAbsent(today.minusDays(7), d -> new ArrayList<>()).add(() -> {
      List<String> absent = kids.stream().filter(k -> k.classId == classB.getId() && k.caseId != null && k.guardianMissesMeeting)
          .map(k -> k.caseId.toString()).toList();
      completeMeetingTask(meetingB[0], GuardianMeetingProcess.TASK_HOLD, "teacher2", Map.of("absent", absent,
          "minutes", List.of("到会监护人8人，通报了期中情况，开展了安全教育。")));
    });
    events.computeIfAbsent(today.minusDays(3), d -> new ArrayList<>()).add(() -> {
      long a = meetings.ensureForTerm(classA.getId(), currentTerm.getId());
      completeMeetingTask(a, GuardianMeetingProcess.TASK_PLAN, "teacher", Map.of("meetingDate", List.of(today.plusDays(14).toString()),
          "location", List.of("学校会议室"), "agenda", List.of("期末复习安排；寒假安全；亲情沟通")));
    });

    // Last term's meetings (started by the classes' first cases of that term) were held in its sixth week.
    LocalDate lastTermMeeting = previousTerm.getStartDate().plusDays(35);
    for (Object[] ct : List.of(new Object[] {classA.getId(), "teacher"}, new Object[] {classB.getId(), "teacher2"})) {
      long classId = (Long) ct[0];
      String teacher = (String) ct[1];
      java.util.function.Supplier<java.util.Optional<Long>> lastTerms = () -> meetings.meetingsOf(classId).stream()
          .filter(m -> m.getTermId().equals(previousTerm.getId()) && m.isFirstOfTerm() && m.getHeldAt() == null)
          .map(org.careflow.guardianmeeting.GuardianMeeting::getId).findFirst();
      events.computeIfAbsent(lastTermMeeting.minusDays(14), d -> new ArrayList<>()).add(() -> lastTerms.get().ifPresent(id ->
          completeMeetingTask(id, GuardianMeetingProcess.TASK_PLAN, teacher, Map.of("meetingDate", List.of(lastTermMeeting.toString()),
              "location", List.of("学校会议室"), "agenda", List.of("开学安全教育；亲情沟通")))));
      events.computeIfAbsent(lastTermMeeting.minusDays(7), d -> new ArrayList<>()).add(() -> lastTerms.get().ifPresent(id ->
          completeMeetingTask(id, GuardianMeetingProcess.TASK_INVITE, teacher, Map.of("method", List.of("PHONE")))));
      events.computeIfAbsent(lastTermMeeting, d -> new ArrayList<>()).add(() -> lastTerms.get().ifPresent(id ->
          completeMeetingTask(id, GuardianMeetingProcess.TASK_HOLD, teacher, Map.of("absent", List.of(), "minutes", List.of("监护人全部到会。")))));
    }

    // Day by day from the first enrolment to yesterday: timers fall due in the morning, events
    // happen at nine, teachers write their records in the afternoon.
    LocalDate first = previousTerm.getStartDate().plusDays(2);
    long days = java.time.temporal.ChronoUnit.DAYS.between(first, today);
    log.info("demo school: {} classes, {} children to enrol, {} school days to simulate", 2, kids.size(), days);
    for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
      long done = java.time.temporal.ChronoUnit.DAYS.between(first, d);
      if (done > 0 && done % 30 == 0) {
        log.info("demo school: {} of {} days simulated, {} children enrolled", done, days, byCase.size());
      }
      at(d, 7);
      executeDueJobs();
      at(d, 9);
      events.getOrDefault(d, List.of()).forEach(Runnable::run);
      runDay(d);
    }
    studyHelp.seed(school, classA, currentTerm, kids, today); // study help and carers (issue 17)
    ClockUtil.reset();
    executeDueJobs();
    demoActivities.seed(classA.getId(), classB.getId());
  }

  private void enrol(DemoChild k) {
    CareCase c = lifecycle.enrol(k.name, k.classId, "coordinator");
    k.caseId = c.getId();
    byCase.put(c.getId(), k);
  }

  private void runDay(LocalDate day) {
    at(day, 16);
    executeDueJobs();
    logFamilyCalls(day);
    List<Task> open = tasks.createTaskQuery().active().orderByTaskCreateTime().asc().list();
    boolean completedSome = false;
    for (Task t : open) {
      // decided in memory first: most open tasks wait for a later day, and asking the engine about each
      // of them every simulated day made most of the demo's seeding time
      DemoChild k = byCase.get(caseOf(t, completedSome));
      if (k == null || !k.wouldComplete(t.getTaskDefinitionKey(), day, clock.dayOf(t.getCreateTime()))) {
        continue;
      }
      if (completedSome && tasks.createTaskQuery().taskId(t.getId()).count() == 0) {
        continue; // completed meanwhile by a record that answered it (a talk card that told the parents...)
      }
      complete(t, k, day);
      completedSome = true;
    }
  }

  /** The class teacher logs the week's calls with the parents of every child whose case is open (亲情电话). */
  private void logFamilyCalls(LocalDate day) {
    for (DemoChild k : kids) {
      FamilyCalls.Entry call = k.caseId == null ? null : k.callOn(day);
      if (call != null && cases.careCase(k.caseId).isOpen()) {
        String teacher = k.classId == classA.getId() ? "teacher" : "teacher2";
        familyCalls.log(cases.careCase(k.caseId).getChild().getId(), new CurrentUser(teacher, List.of(Roles.TEACHER)), call);
      }
    }
  }

  /** The case of a task's instance, asked of the engine once per instance (an instance keeps its case). */
  private Long caseOf(Task t, boolean mayBeGone) {
    Long known = caseOfInstance.get(t.getProcessInstanceId());
    if (known != null) {
      return known;
    }
    if (mayBeGone && tasks.createTaskQuery().taskId(t.getId()).count() == 0) {
      return null;
    }
    Object id = tasks.getVariable(t.getId(), org.careflow.shared.CaseProcesses.VAR_CASE_ID);
    Long caseId = id instanceof Number n ? n.longValue() : null;
    if (caseId != null && t.getProcessInstanceId() != null) {
      caseOfInstance.put(t.getProcessInstanceId(), caseId);
    }
    return caseId;
  }

  private void complete(Task t, DemoChild k, LocalDate day) {
    String user = t.getAssignee() != null ? t.getAssignee()
        : t.getTaskDefinitionKey().equals(ChildCaseProcess.TASK_TERM_SIGN_OFF) ? "supervisor"
        : t.getTaskDefinitionKey().equals(SupportPlanProcess.TASK_WRITE) ? "counsellor" : "coordinator";
    List<String> roles = switch (user) {
      case "coordinator" -> List.of(Roles.COORDINATOR);
      case "counsellor" -> List.of(Roles.COUNSELLOR);
      case "supervisor" -> List.of(Roles.SUPERVISOR);
      case "mentor", "mentor2", "mentor3" -> List.of(Roles.MENTOR);
      default -> List.of(Roles.TEACHER);
    };
    Map<String, List<String>> form = k.form(t.getTaskDefinitionKey(), day);
    if (t.getTaskDefinitionKey().equals(ChildCaseProcess.TASK_WEEKLY_CHECK_IN) && t.getDueDate() != null && day.isAfter(clock.dayOf(t.getDueDate()))) {
      form.put("checkInDate", List.of(clock.dayOf(t.getDueDate()).toString())); // a week's talk lies in its week
    }
    if (t.getTaskDefinitionKey().equals(ChildCaseProcess.TASK_ASSIGN_MENTOR)) {
      form.put("mentor", List.of(firstMentorOffered(t, user, roles)));
    }
    work.complete(t.getId(), new TaskWork.Worker(user, roles, false), form);
  }

  /** The coordinator takes the mentor offered first: the one with the fewest mentees. */
  private String firstMentorOffered(Task t, String user, List<String> roles) {
    return work.open(t.getId(), new TaskWork.Worker(user, roles, false)).options().get("mentorOptions").get(0).value();
  }

  private void completeMeetingTask(long meetingId, String taskKey, String user, Map<String, List<String>> values) {
    Task t = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(meetingId)).taskDefinitionKey(taskKey).singleResult();
    Map<String, List<String>> form = new LinkedHashMap<>(values);
    if (taskKey.equals(GuardianMeetingProcess.TASK_INVITE)) {
      form.put("invited", work.open(t.getId(), new TaskWork.Worker(user, List.of(Roles.TEACHER), false)).options()
          .get("classChildren").stream().map(o -> o.value()).toList());
    }
    work.complete(t.getId(), new TaskWork.Worker(user, List.of(Roles.TEACHER), false), form);
  }

  private void executeDueJobs() {
    // One at a time, soonest first: a timer that ends the term removes the other timers of the term.
    for (int i = 0; i < 10_000; i++) {
      List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      management.executeJob(due.get(0).getId());
    }
    throw new IllegalStateException("timers keep falling due");
  }

  private void at(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(clock.zone()).toInstant()));
  }

}
