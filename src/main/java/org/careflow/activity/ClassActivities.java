package org.careflow.activity;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.identity.CurrentUser;
import org.careflow.inbox.TaskWork;
import org.careflow.school.Holiday;
import org.careflow.school.HolidayRepository;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolDirectory;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.StandingProcess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The class's activity obligations: process {@value #PROCESS_KEY}, one per class (business key
 * {@code class-<id>}), evaluates the decision {@value #DECISION_KEY} when it starts and on the first of
 * every month, and raises an obligation with a task for the class teacher for each kind the table
 * requires that the class has not done yet (one per class, kinds and due day, however often the table is
 * read). Recording a matching activity completes the task through the inbox's completion path.
 *
 * <p>The decision's inputs: {@code month} (1–12), {@code daysToHoliday} (days to the next holiday of the
 * school calendar, 9999 when none), {@code termWeek} (the school week of the term, 0 outside a term) and
 * {@code birthdays} (children in care of the class with a birthday this month). Its outputs: {@code kinds}
 * (the codes of the kinds that fulfil it, comma-separated) and {@code due} (MONTH_END, TERM_END or
 * BEFORE_HOLIDAY).
 */
@Service
public class ClassActivities {


  public static final String PROCESS_KEY = ClassActivitiesProcess.KEY;
  public static final String DECISION_KEY = "activity-obligations";
  public static final String TASK_KEY = ClassActivitiesProcess.TASK_HOLD_ACTIVITY;
  static final String PREFIX = "class-";
  static final int NO_HOLIDAY = 9999;

  /** An obligation as the task and the form see it. */
  public record Obligation(long id, long classId, long schoolId, List<String> kinds, String dueRule, LocalDate windowStart, LocalDate due,
      String status, Long activityId) {}

  private final TaskService tasks;
  private final DecisionService decisions;
  private final JdbcTemplate jdbc;
  private final SchoolDirectory schools;
  private final SchoolClassRepository classes;
  private final TermCalendar calendar;
  private final HolidayRepository holidays;
  private final CareCases cases;
  private final CareClock clock;
  private final ObjectProvider<TaskWork> work;
  private final boolean startAtBoot;
  private final StandingProcess standing;
  private final ActivityKinds kinds;

  ClassActivities(RuntimeService runtime, TaskService tasks, DecisionService decisions, JdbcTemplate jdbc, SchoolDirectory schools,
      SchoolClassRepository classes, TermCalendar calendar, HolidayRepository holidays, CareCases cases, CareClock clock,
      ObjectProvider<TaskWork> work, @Value("${careflow.activities.start-at-boot:true}") boolean startAtBoot, ActivityKinds kinds) {
    this.kinds = kinds;
    this.tasks = tasks;
    this.decisions = decisions;
    this.jdbc = jdbc;
    this.schools = schools;
    this.classes = classes;
    this.calendar = calendar;
    this.holidays = holidays;
    this.cases = cases;
    this.clock = clock;
    this.work = work;
    this.startAtBoot = startAtBoot;
    this.standing = new StandingProcess(runtime, PROCESS_KEY, PREFIX);
  }

  public static String businessKey(long classId) {
    return org.careflow.shared.BusinessKey.prefixed(PREFIX, classId);
  }

  /** The class a business key {@code class-<id>} names. */
  public static Optional<Long> classOf(String businessKey) {
    return org.careflow.shared.BusinessKey.parse(PREFIX, businessKey);
  }

  static long classOf(Object executionOrKey) {
    String key = org.careflow.shared.BusinessKey.keyOf(executionOrKey);
    return classOf(key).orElseThrow(() -> new IllegalStateException("not a class's business key: " + key));
  }

  /** Starts the class's obligations process unless it runs. */
  @Transactional
  public boolean ensureFor(long classId) {
    return standing.ensureFor(classId);
  }

  /** At start, every class gets its process (off in the tests, which start their own classes'). */
  @EventListener(ApplicationReadyEvent.class)
  public void atStart() {
    if (!startAtBoot) {
      return;
    }
    standing.ensureForEach(classes.findAll().stream().map(SchoolClass::getId).toList(), "the activity obligations of class");
  }

  // -- raising -------------------------------------------------------------------------------------

  /** The decision's inputs for a class today. */
  @Transactional(readOnly = true)
  public Map<String, Object> inputs(long classId) {
    SchoolClass c = schools.schoolClass(classId);
    long schoolId = c.getSchool().getId();
    LocalDate today = clock.today();
    Term term = termOn(schoolId, today);
    int termWeek = term == null || !term.contains(today) ? 0
        : (int) (ChronoUnit.WEEKS.between(term.getStartDate().with(DayOfWeek.MONDAY), today.with(DayOfWeek.MONDAY)) + 1);
    Holiday next = nextHoliday(schoolId, today);
    int days = next == null ? NO_HOLIDAY : (int) ChronoUnit.DAYS.between(today, next.getStartDate());
    int birthdays = 0;
    for (CareCase cc : cases.openCasesOfClass(classId)) {
      LocalDate born = cc.getChild().getBirthDate();
      if (born != null && born.getMonthValue() == today.getMonthValue()) {
        birthdays++;
      }
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("month", today.getMonthValue());
    vars.put("daysToHoliday", days);
    vars.put("termWeek", termWeek);
    vars.put("birthdays", birthdays);
    return vars;
  }

  private Term termOn(long schoolId, LocalDate day) {
    try {
      return calendar.termOn(schoolId, day);
    } catch (TermCalendar.NoTermException e) {
      return null;
    }
  }

  private Holiday nextHoliday(long schoolId, LocalDate today) {
    return holidays.findBySchoolIdOrderByStartDate(schoolId).stream().filter(h -> h.getStartDate().isAfter(today)).findFirst().orElse(null);
  }

  /**
   * Evaluates the decision for the class today and keeps what it requires: each new obligation an open
   * row (or done at once when an activity of the period already fulfils it). Returns the ids of the
   * new open ones, as the process's task collection.
   */
  @Transactional
  public List<String> raise(long classId) {
    SchoolClass c = schools.schoolClass(classId);
    long schoolId = c.getSchool().getId();
    LocalDate today = clock.today();
    Map<String, Object> vars = inputs(classId);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> entry : decisions.evaluateDecisionTableByKey(DECISION_KEY, vars).getResultList()) {
      rows.add(entry);
    }
    List<String> open = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      List<String> kinds = kinds(r.get("kinds"));
      String rule = r.get("due") == null ? "MONTH_END" : r.get("due").toString().strip();
      LocalDate[] window = window(schoolId, today, rule);
      if (kinds.isEmpty() || window == null || window[1].isBefore(today)) {
        continue;
      }
      String joined = String.join(",", kinds);
      if (jdbc.queryForObject("select count(*) from cf_activity_obligation where class_id = ? and kinds = ? and due_date = ?",
          Integer.class, classId, joined, window[1]) > 0) {
        continue;
      }
      Long done = matchingActivity(classId, kinds, window[0]);
      org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
      jdbc.update(con -> {
        var ps = con.prepareStatement("insert into cf_activity_obligation (school_id, class_id, kinds, due_rule, window_start, due_date, status,"
            + " activity_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
        ps.setLong(1, schoolId);
        ps.setLong(2, classId);
        ps.setString(3, joined);
        ps.setString(4, rule);
        ps.setObject(5, window[0]);
        ps.setObject(6, window[1]);
        ps.setString(7, done == null ? "OPEN" : "DONE");
        ps.setObject(8, done);
        ps.setTimestamp(9, Timestamp.from(clock.now()));
        return ps;
      }, key);
      if (done == null) {
        open.add(String.valueOf(key.getKey().longValue()));
      }
    }
    return open;
  }

  static List<String> kinds(Object value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  /** The period an obligation covers, [first day, due day], by its due rule; null when the calendar has no such day. */
  private LocalDate[] window(long schoolId, LocalDate today, String rule) {
    Term term = termOn(schoolId, today);
    switch (rule) {
      case "TERM_END" -> {
        return term == null ? null : new LocalDate[] {term.getStartDate(), term.getEndDate()};
      }
      case "BEFORE_HOLIDAY" -> {
        Holiday h = nextHoliday(schoolId, today);
        if (h == null) {
          return null;
        }
        LocalDate due = h.getStartDate().minusDays(1);
        return new LocalDate[] {due.minusDays(30), due};
      }
      default -> {
        LocalDate due = term != null && term.contains(today) ? TermCalendar.monthDue(today, term) : today.with(TemporalAdjusters.lastDayOfMonth());
        return new LocalDate[] {today.withDayOfMonth(1), due};
      }
    }
  }

  private Long matchingActivity(long classId, List<String> kinds, LocalDate from) {
    List<Long> found = jdbc.queryForList("select id from cf_activity where class_id = ? and activity_date >= ? and activity_date <= ? and kind_code in ("
        + String.join(",", kinds.stream().map(k -> "?").toList()) + ") order by activity_date, id",
        Long.class, params(classId, from, clock.today(), kinds));
    return found.isEmpty() ? null : found.get(0);
  }

  private static Object[] params(long classId, LocalDate from, LocalDate to, List<String> kinds) {
    List<Object> p = new ArrayList<>(List.of(classId, from, to));
    p.addAll(kinds);
    return p.toArray();
  }

  // -- reading and fulfilling ----------------------------------------------------------------------

  public Optional<Obligation> obligation(long id) {
    return jdbc.query("select id, class_id, school_id, kinds, due_rule, window_start, due_date, status, activity_id from cf_activity_obligation where id = ?",
        (rs, n) -> new Obligation(rs.getLong(1), rs.getLong(2), rs.getLong(3), kinds(rs.getString(4)), rs.getString(5),
            rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8), (Long) rs.getObject(9, Long.class)), id).stream().findFirst();
  }

  /** The obligation a task of {@value #TASK_KEY} is about (its local variable {@code obligationId}). */
  public Obligation obligationOfTask(String taskId) {
    Object id = tasks.getVariable(taskId, ClassActivitiesProcess.VAR_OBLIGATION_ID);
    return obligation(Long.parseLong(String.valueOf(id))).orElseThrow(() -> new IllegalStateException("no obligation for task " + taskId));
  }

  /** Marks the obligation fulfilled by this activity (the form handler, inside the task's completion). */
  void done(long obligationId, long activityId) {
    jdbc.update("update cf_activity_obligation set status = 'DONE', activity_id = ? where id = ? and status = 'OPEN'", activityId, obligationId);
  }

  /**
   * The class's open obligations this activity fulfils (its kind is one of theirs, its day within their
   * period or after): each one's task is completed through the inbox, as if the recorder had chosen the
   * activity on the task's page, in the recording's transaction.
   */
  @Transactional
  public void fulfil(long activityId, CurrentUser by) {
    Object[] a = jdbc.queryForObject("select class_id, kind_code, activity_date from cf_activity where id = ?",
        (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)}, activityId);
    long classId = (Long) a[0];
    String kind = (String) a[1];
    LocalDate day = (LocalDate) a[2];
    List<Long> matching = new ArrayList<>();
    jdbc.query("select id, kinds, window_start from cf_activity_obligation where class_id = ? and status = 'OPEN' order by due_date, id", rs -> {
      if (kinds(rs.getString(2)).contains(kind) && !day.isBefore(rs.getObject(3, LocalDate.class))) {
        matching.add(rs.getLong(1));
      }
    }, classId);
    if (matching.isEmpty()) {
      return;
    }
    Map<Long, String> taskOf = new LinkedHashMap<>();
    for (Task t : tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(businessKey(classId))
        .taskDefinitionKey(TASK_KEY).active().list()) {
      Object id = tasks.getVariable(t.getId(), ClassActivitiesProcess.VAR_OBLIGATION_ID);
      if (id != null) {
        taskOf.put(Long.valueOf(id.toString()), t.getId());
      }
    }
    TaskWork.Worker worker = new TaskWork.Worker(by.id(), by.roles(), true); // scope checked by the register
    for (Long obligation : matching) {
      String taskId = taskOf.get(obligation);
      if (taskId == null) {
        done(obligation, activityId);
      } else {
        work.getObject().complete(taskId, worker, Map.of("activity", List.of(String.valueOf(activityId))));
      }
    }
  }

  /** The class's obligations, newest due first (the register shows what is open). */
  @Transactional(readOnly = true)
  public List<Obligation> ofClass(long classId) {
    return jdbc.query("select id, class_id, school_id, kinds, due_rule, window_start, due_date, status, activity_id from cf_activity_obligation"
        + " where class_id = ? order by due_date desc, id desc", (rs, n) -> new Obligation(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            kinds(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
            (Long) rs.getObject(9, Long.class)), classId);
  }

  // -- what the class's term plan and summary read (org.careflow.classplan) ----------------------------

  /** The activities the class held from {@code from} to {@code to} (both included), for the class's term summary. */
  @Transactional(readOnly = true)
  public int heldBetween(long classId, LocalDate from, LocalDate to) {
    return jdbc.queryForObject("select count(*) from cf_activity where class_id = ? and activity_date >= ? and activity_date <= ?",
        Integer.class, classId, from, to);
  }

  /**
   * The activities the decision {@value #DECISION_KEY} asks of the class in a term, as it reads today: the
   * table evaluated on the first school day of each month of the term; one line per month ("10月：主题班会"),
   * the term's own ("本学期：…") once. For the class's help plan (班级关爱帮扶计划).
   */
  @Transactional(readOnly = true)
  public List<String> plannedFor(long classId, Term term, java.util.Locale locale) {
    SchoolClass c = schools.schoolClass(classId);
    long schoolId = c.getSchool().getId();
    Map<String, ActivityKinds.Kind> names = kindNames(schoolId);
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    boolean zh = !java.util.Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    for (LocalDate d = term.getStartDate(); !d.isAfter(term.getEndDate()); d = d.with(TemporalAdjusters.firstDayOfNextMonth())) {
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("month", d.getMonthValue());
      Holiday next = nextHoliday(schoolId, d);
      vars.put("daysToHoliday", next == null ? NO_HOLIDAY : (int) ChronoUnit.DAYS.between(d, next.getStartDate()));
      vars.put("termWeek", (int) (ChronoUnit.WEEKS.between(term.getStartDate().with(DayOfWeek.MONDAY), d.with(DayOfWeek.MONDAY)) + 1));
      int month = d.getMonthValue();
      vars.put("birthdays", (int) cases.openCasesOfClass(classId).stream()
          .filter(k -> k.getChild().getBirthDate() != null && k.getChild().getBirthDate().getMonthValue() == month).count());
      for (Map<String, Object> r : decisions.evaluateDecisionTableByKey(DECISION_KEY, vars).getResultList()) {
        List<String> kinds = kinds(r.get("kinds"));
        if (kinds.isEmpty()) {
          continue;
        }
        String rule = r.get("due") == null ? "MONTH_END" : r.get("due").toString().strip();
        String what = String.join(zh ? "或" : " or ", kinds.stream().map(k -> names.containsKey(k) ? names.get(k).name(locale) : k).toList());
        String when = "TERM_END".equals(rule) ? (zh ? "本学期" : "this term") : zh ? month + "月" : java.time.Month.of(month)
            .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        out.add(when + (zh ? "：" : ": ") + what);
      }
    }
    return List.copyOf(out);
  }

  private Map<String, ActivityKinds.Kind> kindNames(long schoolId) {
    return kinds.byCode(schoolId);
  }
}
