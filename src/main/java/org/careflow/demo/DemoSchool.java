package org.careflow.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.careflow.support.SupportPlanProcess;
import org.careflow.enrolment.ChildCaseProcess;
import org.careflow.child.CareCase;
import org.careflow.enrolment.CaseLifecycle;
import org.careflow.family.FamilyCalls;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.inbox.TaskWork;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Term;
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
 * Deterministic: the same children and the same choices every time, dated relative to today. The staff
 * and terms are {@link DemoStaffAndTerms}, the guardian meetings {@link DemoGuardianMeetings}, what the
 * teachers write {@link DemoForms}.
 */
@Component
@Profile("demo")
@Order(10)
class DemoSchool implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoSchool.class);
  static final String PASSWORD = "demo";

  private final SchoolRepository schools;
  private final DemoStaffAndTerms staffAndTerms;
  private final DemoGuardianMeetings meetingEvents;
  private final CaseLifecycle lifecycle;
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
  @jakarta.persistence.PersistenceContext private jakarta.persistence.EntityManager entities;

  DemoSchool(org.careflow.family.FamilyCalls familyCalls, org.careflow.child.CareCases cases, SchoolRepository schools,
      DemoStaffAndTerms staffAndTerms, DemoGuardianMeetings meetingEvents, CaseLifecycle lifecycle, TaskWork work, TaskService tasks,
      ManagementService management, CareClock clock, PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.familyCalls = familyCalls;
    this.cases = cases;
    this.schools = schools;
    this.staffAndTerms = staffAndTerms;
    this.meetingEvents = meetingEvents;
    this.lifecycle = lifecycle;
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

  // -- the school, its classes and terms (DemoStaffAndTerms) ---------------------------------------

  private School school;
  private SchoolClass classA;
  private SchoolClass classB;
  private Term previousTerm;
  private Term currentTerm;

  // -- the replay ---------------------------------------------------------------------------------

  private final List<DemoChild> kids = new ArrayList<>();
  private final Map<Long, DemoChild> byCase = new HashMap<>();
  private final Map<String, Long> caseOfInstance = new HashMap<>();

  private void seed(LocalDateTime realNow) {
    DemoStaffAndTerms.Staffed staffed = staffAndTerms.people();
    school = staffed.school();
    classA = staffed.classA();
    classB = staffed.classB();
    LocalDate today = realNow.toLocalDate();
    DemoStaffAndTerms.Terms termsAround = staffAndTerms.calendar(school, today);
    previousTerm = termsAround.previous();
    currentTerm = termsAround.current();
    kids.addAll(DemoChild.roster(classA.getId(), classB.getId(), today));
    Map<LocalDate, List<Runnable>> events = new HashMap<>();
    for (DemoChild k : kids) {
      LocalDate day = k.startsLastTerm ? previousTerm.getStartDate().plusDays(2)
          : k.enrolDaysBeforeToday >= 0 ? today.minusDays(k.enrolDaysBeforeToday)
          : currentTerm.getStartDate().plusDays(1);
      events.computeIfAbsent(day, d -> new ArrayList<>()).add(() -> enrol(k));
    }
    meetingEvents.schedule(events, kids, classA, classB, previousTerm, currentTerm, today);

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
      // the seeding is one transaction: without this, every query of every later day would first check
      // all the rows read or written since the first day for changes (Hibernate's flush before a query)
      entities.flush();
      entities.clear();
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
