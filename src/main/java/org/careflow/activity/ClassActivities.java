package org.careflow.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careflow.identity.CurrentUser;
import org.careflow.inbox.TaskWork;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.Term;
import org.careflow.shared.KeyPrefix;
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
 * BEFORE_HOLIDAY). Reading the decision is {@link ObligationDecision}'s; this class keeps the process and the
 * obligations it raised.
 */
@Service
public class ClassActivities {

  public static final String PROCESS_KEY = ClassActivitiesProcess.KEY;
  public static final String DECISION_KEY = "activity-obligations";
  public static final String TASK_KEY = ClassActivitiesProcess.TASK_HOLD_ACTIVITY;
  /** The business keys {@code class-<id>} of the classes' processes. */
  public static final KeyPrefix KEYS = new KeyPrefix("class-", "class");
  static final int NO_HOLIDAY = 9999;

  /** An obligation as the task and the form see it. */
  public record Obligation(long id, long classId, long schoolId, List<String> kinds, String dueRule, LocalDate windowStart, LocalDate due,
      String status, Long activityId) {}

  private final TaskService tasks;
  private final JdbcTemplate jdbc;
  private final SchoolClassRepository classes;
  private final ObjectProvider<TaskWork> work;
  private final boolean startAtBoot;
  private final StandingProcess standing;
  private final ObligationDecision decision;

  ClassActivities(RuntimeService runtime, TaskService tasks, JdbcTemplate jdbc, SchoolClassRepository classes, ObjectProvider<TaskWork> work,
      @Value("${careflow.activities.start-at-boot:true}") boolean startAtBoot, ObligationDecision decision) {
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.classes = classes;
    this.work = work;
    this.startAtBoot = startAtBoot;
    this.standing = new StandingProcess(runtime, PROCESS_KEY, KEYS.prefix());
    this.decision = decision;
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

  static List<String> kinds(Object value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
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
    for (Task t : tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(KEYS.key(classId))
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
    return decision.plannedFor(classId, term, locale);
  }

}
