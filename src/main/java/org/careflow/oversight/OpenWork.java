package org.careflow.oversight;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the dashboard's summary of open work ({@code cf_dash_task}, {@code cf_dash_open_work}) in step
 * with the engine: a built-in task listener on every user task of every process (so the engine calls it
 * on create, assignment, update, complete and delete, in the same transaction, also when a case is
 * cancelled without custom listeners). Each event makes the task's row match the task as it is now and
 * moves one count from its old (class, assignee, task, due date) to its new one. The dashboard then sums a
 * few thousand count rows instead of grouping 200,000 tasks joined to their cases (docs/PERFORMANCE.md).
 *
 * <p>The case's row is refreshed before the transaction of any of its task events, or of its process's
 * end, commits (after flushing what was written through JPA); the counts change then too. A child moved
 * to another class moves its open tasks' counts at the case's next task event (at most a week: the weekly check-in). A talk or check-in recorded through
 * its task counts its case-period once. What is not an engine event is caught by {@link #rebuild()}: a
 * running case migrated to a new version keeps the old task key. It runs at start when the summary does
 * not match the engine's open tasks and the cases (a first start after upgrading, data written around
 * the engine).
 */
@Component
public class OpenWork extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(OpenWork.class);
  static final String NO_ASSIGNEE = "";
  /** The processes whose business key is a case id (the others with a subject: guardian-meeting, by meeting id). */
  static final List<String> CASE_PROCESSES = List.of("child-case", "family-ties", "support-plan");

  private final JdbcTemplate jdbc;
  private final PlatformTransactionManager txm;
  private final jakarta.persistence.EntityManager entities;
  private volatile Boolean postgres;

  OpenWork(JdbcTemplate jdbc, PlatformTransactionManager txm, jakarta.persistence.EntityManager entities) {
    this.jdbc = jdbc;
    this.txm = txm;
    this.entities = entities;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity definition) {
        // a case that ends (not eligible, closed) changes its row in the case summary
        definition.addBuiltInListener(org.camunda.bpm.engine.delegate.ExecutionListener.EVENTNAME_END,
            (org.camunda.bpm.engine.delegate.ExecutionListener) OpenWork.this::onProcessEnd);
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior b) {
          TaskListener sync = OpenWork.this::onTaskEvent;
          for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE,
              TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE)) {
            b.getTaskDefinition().addBuiltInTaskListener(event, sync);
          }
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** A task's row: what the counts are keyed by. */
  record Row(String taskId, Long caseId, Long childId, long classId, long schoolId, String taskKey, String assignee, Timestamp due) {
    boolean sameCount(Row o) {
      return o != null && classId == o.classId && taskKey.equals(o.taskKey) && assignee.equals(o.assignee) && due.equals(o.due);
    }
  }

  void onTaskEvent(DelegateTask task) {
    syncOpenWork(task);
    String event = task.getEventName();
    if (TaskListener.EVENTNAME_ASSIGNMENT.equals(event)) {
      return; // follows create or a hand-over: nothing of the case changes
    }
    Long caseId = caseIdOf(task.getProcessDefinitionId(), task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey());
    if (caseId == null) {
      return;
    }
    boolean record = TaskListener.EVENTNAME_COMPLETE.equals(event)
        && ("monthlyTalk".equals(task.getTaskDefinitionKey()) || "weeklyCheckIn".equals(task.getTaskDefinitionKey()))
        && !Boolean.TRUE.equals(task.getVariableLocal("checkInMissed")); // a week closed as missed has no record to count
    if (!record) {
      refreshBeforeCommit(caseId);
      return;
    }
    // the record the form handler just wrote through JPA must be visible to this transaction's SQL, and
    // counted right after it is written (a period counts once: the counting looks at the records before it)
    entities.flush();
    refreshCase(caseId);
    if ("monthlyTalk".equals(task.getTaskDefinitionKey())) {
      countTalk(caseId);
    } else {
      countCheckIn(caseId);
    }
  }

  void onProcessEnd(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    if (execution.getParentId() != null) {
      return; // only the process instance itself
    }
    Long caseId = caseIdOf(execution.getProcessDefinitionId(), execution.getProcessBusinessKey());
    if (caseId != null) {
      refreshBeforeCommit(caseId);
    }
  }

  /**
   * The case's summary row is refreshed once per transaction, just before it commits, after flushing
   * what was written through JPA in it. A flush looks at every entity in the persistence context, so
   * flushing at each task event made a transaction that starts many cases (a roster import) slow down
   * quadratically; and one refresh per case is enough however many of its tasks changed.
   */
  private void refreshBeforeCommit(long caseId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      entities.flush();
      refreshCase(caseId);
      return;
    }
    pendingWork().cases.add(caseId);
  }

  /** What a transaction leaves to be written just before it commits. */
  static final class PendingWork {
    final java.util.Set<Long> cases = new java.util.LinkedHashSet<>();
    final java.util.SortedMap<CountKey, CountChange> counts = new java.util.TreeMap<>();
    /** The task rows this transaction wrote (null: deleted), so that its next event of the task need not read them back. */
    final Map<String, Row> rows = new HashMap<>();
  }

  private PendingWork pendingWork() {
    PendingWork pending = (PendingWork) TransactionSynchronizationManager.getResource(pendingKey);
    if (pending == null) {
      PendingWork work = new PendingWork();
      pending = work;
      TransactionSynchronizationManager.bindResource(pendingKey, work);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          if (!work.cases.isEmpty()) {
            entities.flush();
            for (Long id : work.cases) {
              refreshCase(id); // may move counts: before they are written
            }
          }
          work.counts.forEach(OpenWork.this::writeCount);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(pendingKey);
        }
      });
    }
    return pending;
  }

  /** The key of the transaction's pending work. */
  private final Object pendingKey = new Object();

  private static Long caseIdOf(String definitionId, String businessKey) {
    return definitionId != null && CASE_PROCESSES.stream().anyMatch(p -> definitionId.startsWith(p + ":")) ? parse(businessKey) : null;
  }

  /** SQL: the task t belongs to a process whose business key is a case id. */
  static String ofCaseProcess(String definitionColumn) {
    return "(" + String.join(" OR ", CASE_PROCESSES.stream().map(p -> definitionColumn + " LIKE '" + p + ":%'").toList()) + ")";
  }

  /** The case's dates as the targets read them (cf_dash_case); the same columns for one case or for all. */
  static final String CASE_ROW = "SELECT c.id AS case_id, c.child_id, ch.school_class_id AS class_id, cl.school_id, CAST(c.status AS VARCHAR(20)) AS status,"
      + " c.opened_at, ch.registered_at, (SELECT MIN(p.assigned_at) FROM cf_pairing p WHERE p.case_id = c.id) AS paired_at, c.closed_at,"
      + " CASE WHEN " + Obligations.VERIFIED + " THEN TRUE ELSE FALSE END AS verified"
      + " FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id JOIN cf_class cl ON cl.id = ch.school_class_id";

  private static final String CASE_COLUMNS = "case_id, child_id, class_id, school_id, status, opened_at, registered_at, paired_at, closed_at, verified";

  /**
   * Makes the case's summary row match the case. One query compares the stored row with the case as it is
   * (most task events change nothing of it: a monthly talk made by its timer); only a difference is written.
   */
  void refreshCase(long caseId) {
    List<long[]> compared = jdbc.query("SELECT CASE WHEN d.case_id IS NULL THEN -1 ELSE d.class_id END, x.class_id, x.school_id,"
        + " CASE WHEN d.case_id IS NOT NULL AND d.child_id = x.child_id AND d.class_id = x.class_id AND d.school_id = x.school_id"
        + " AND d.status = x.status AND d.opened_at IS NOT DISTINCT FROM x.opened_at AND d.registered_at IS NOT DISTINCT FROM x.registered_at"
        + " AND d.paired_at IS NOT DISTINCT FROM x.paired_at AND d.closed_at IS NOT DISTINCT FROM x.closed_at AND d.verified = x.verified"
        + " THEN 1 ELSE 0 END FROM (" + CASE_ROW + " WHERE c.id = ?) x LEFT JOIN cf_dash_case d ON d.case_id = x.case_id",
        (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}, caseId);
    if (compared.isEmpty() || compared.get(0)[3] == 1) {
      return; // no such case, or its row is as it is
    }
    long[] c = compared.get(0);
    upsertCase(caseId);
    if (c[0] != -1 && c[0] != c[1]) {
      moveOpenTasks(caseId, c[1], c[2]);
    }
  }

  /** The child changed class: its case's open tasks count for the new class from now on. */
  private void moveOpenTasks(long caseId, long classId, long schoolId) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      pendingWork().rows.clear(); // read the moved rows again if another event of theirs follows
    }
    List<Row> rows = jdbc.query("SELECT task_id, case_id, child_id, class_id, school_id, task_key, assignee, due_date FROM cf_dash_task WHERE case_id = ?",
        (rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8)), caseId);
    for (Row old : rows) {
      uncount(old);
      jdbc.update("UPDATE cf_dash_task SET class_id = ?, school_id = ? WHERE task_id = ?", classId, schoolId, old.taskId());
      count(new Row(old.taskId(), old.caseId(), old.childId(), classId, schoolId, old.taskKey(), old.assignee(), old.due()), null);
    }
  }

  private void uncount(Row old) {
    addToCount(old, null, -1);
  }

  private void upsertCase(long caseId) {
    if (isPostgres()) {
      jdbc.update("INSERT INTO cf_dash_case (" + CASE_COLUMNS + ") " + CASE_ROW + " WHERE c.id = ? ON CONFLICT (case_id) DO UPDATE SET"
          + " class_id = EXCLUDED.class_id, school_id = EXCLUDED.school_id, status = EXCLUDED.status, opened_at = EXCLUDED.opened_at,"
          + " registered_at = EXCLUDED.registered_at, paired_at = EXCLUDED.paired_at, closed_at = EXCLUDED.closed_at, verified = EXCLUDED.verified",
          caseId);
    } else {
      jdbc.update("MERGE INTO cf_dash_case (" + CASE_COLUMNS + ") KEY (case_id) " + CASE_ROW + " WHERE c.id = ?", caseId);
    }
  }

  /** A talk record just written: its case-month counts once, and once more as on time when held within the month. */
  private void countTalk(long caseId) {
    List<Object[]> talks = jdbc.query("SELECT talk_month, talk_date FROM cf_monthly_talk WHERE case_id = ? ORDER BY id DESC",
        (rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, java.time.LocalDate.class)}, caseId);
    if (talks.isEmpty()) {
      return;
    }
    String month = (String) talks.get(0)[0];
    boolean onTime = Obligations.talkOnTime(month, (java.time.LocalDate) talks.get(0)[1]);
    boolean first = true;
    boolean firstOnTime = onTime;
    for (Object[] t : talks.subList(1, talks.size())) {
      if (month.equals(t[0])) {
        first = false;
        if (Obligations.talkOnTime(month, (java.time.LocalDate) t[1])) {
          firstOnTime = false;
        }
      }
    }
    if (first || firstOnTime) {
      addPeriod(caseId, "TALK", month, first ? 1 : 0, firstOnTime ? 1 : 0);
    }
  }

  /** A mentor check-in just written: its case-week counts once. */
  private void countCheckIn(long caseId) {
    List<java.time.LocalDate> days = jdbc.query("SELECT check_in_date FROM cf_mentor_check_in WHERE case_id = ? AND first_meeting = FALSE ORDER BY id DESC",
        (rs, n) -> rs.getObject(1, java.time.LocalDate.class), caseId);
    if (days.isEmpty()) {
      return;
    }
    String week = Obligations.weekOf(days.get(0));
    if (days.stream().skip(1).noneMatch(d -> Obligations.weekOf(d).equals(week))) {
      addPeriod(caseId, "CHECK_IN", week, 1, 0);
    }
  }

  private void addPeriod(long caseId, String kind, String period, long records, long onTime) {
    List<long[]> where = jdbc.query("SELECT class_id, school_id FROM cf_dash_case WHERE case_id = ?", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, caseId);
    if (where.isEmpty()) {
      return;
    }
    long classId = where.get(0)[0];
    long schoolId = where.get(0)[1];
    if (isPostgres()) {
      jdbc.update("INSERT INTO cf_dash_period (class_id, school_id, kind, period, with_record, on_time) VALUES (?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (class_id, kind, period) DO UPDATE SET with_record = cf_dash_period.with_record + EXCLUDED.with_record,"
          + " on_time = cf_dash_period.on_time + EXCLUDED.on_time", classId, schoolId, kind, period, records, onTime);
    } else {
      jdbc.update("MERGE INTO cf_dash_period w USING (VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(10)), CAST(? AS VARCHAR(10)),"
          + " CAST(? AS BIGINT), CAST(? AS BIGINT))) s(class_id, school_id, kind, period, with_record, on_time)"
          + " ON w.class_id = s.class_id AND w.kind = s.kind AND w.period = s.period"
          + " WHEN MATCHED THEN UPDATE SET with_record = w.with_record + s.with_record, on_time = w.on_time + s.on_time"
          + " WHEN NOT MATCHED THEN INSERT (class_id, school_id, kind, period, with_record, on_time)"
          + " VALUES (s.class_id, s.school_id, s.kind, s.period, s.with_record, s.on_time)", classId, schoolId, kind, period, records, onTime);
    }
  }

  private void syncOpenWork(DelegateTask task) {
    String event = task.getEventName();
    boolean open = !TaskListener.EVENTNAME_COMPLETE.equals(event) && !TaskListener.EVENTNAME_DELETE.equals(event);
    PendingWork pending = TransactionSynchronizationManager.isSynchronizationActive() ? pendingWork() : null;
    Row old;
    if (TaskListener.EVENTNAME_CREATE.equals(event)) {
      old = null; // a task being created has no row yet (a case start makes several tasks: one query fewer each)
    } else if (pending != null && pending.rows.containsKey(task.getId())) {
      old = pending.rows.get(task.getId()); // written by this transaction (the assignment right after the creation)
    } else {
      old = jdbc.query("SELECT task_id, case_id, child_id, class_id, school_id, task_key, assignee, due_date FROM cf_dash_task WHERE task_id = ?",
          rs -> rs.next() ? new Row(rs.getString(1), (Long) rs.getObject(2, Long.class), (Long) rs.getObject(3, Long.class), rs.getLong(4),
              rs.getLong(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8)) : null, task.getId());
    }
    Row now = null;
    if (open && task.getDueDate() != null && task.getTaskDefinitionKey() != null) {
      Row subject = old != null ? old : subjectOf(task);
      now = new Row(task.getId(), subject.caseId(), subject.childId(), subject.classId(), subject.schoolId(), task.getTaskDefinitionKey(),
          Objects.requireNonNullElse(task.getAssignee(), NO_ASSIGNEE), new Timestamp(task.getDueDate().getTime()));
    }
    if (now != null && now.sameCount(old)) {
      return;
    }
    if (pending != null && (old != null || now != null)) {
      pending.rows.put(task.getId(), now);
    }
    if (old != null) {
      uncount(old);
      if (now == null) {
        jdbc.update("DELETE FROM cf_dash_task WHERE task_id = ?", old.taskId());
      } else {
        jdbc.update("UPDATE cf_dash_task SET task_key = ?, assignee = ?, due_date = ? WHERE task_id = ?", now.taskKey(), now.assignee(),
            now.due(), now.taskId());
      }
    } else if (now != null) {
      jdbc.update("INSERT INTO cf_dash_task (task_id, case_id, child_id, class_id, school_id, task_key, assignee, due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          now.taskId(), now.caseId(), now.childId(), now.classId(), now.schoolId(), now.taskKey(), now.assignee(), now.due());
    }
    if (now != null) {
      count(now, task.getName());
    }
  }

  private void count(Row r, String name) {
    addToCount(r, name, 1);
  }

  /** What a count row is keyed by, in the order in which a transaction's changes are written. */
  record CountKey(long classId, String assignee, String taskKey, Timestamp due) implements Comparable<CountKey> {
    @Override
    public int compareTo(CountKey o) {
      int c = Long.compare(classId, o.classId);
      c = c != 0 ? c : assignee.compareTo(o.assignee);
      c = c != 0 ? c : taskKey.compareTo(o.taskKey);
      return c != 0 ? c : due.compareTo(o.due);
    }
  }

  /** A transaction's net change to one count row, with what a new row needs. */
  static final class CountChange {
    long schoolId;
    String taskName;
    long delta;

    CountChange add(long schoolId, String taskName, long delta) {
      this.schoolId = schoolId;
      if (taskName != null) {
        this.taskName = taskName;
      }
      this.delta += delta;
      return this;
    }
  }

  /**
   * Counts change just before the transaction commits, summed per row and in one order. Every task of a
   * month-start burst in one class adds one to the same row (class, teacher, monthly talk, month end):
   * written at the task's creation, that row stayed locked for the rest of each job, and the job
   * executor's threads waited for each other (25 timers a second at 100,000 on PostgreSQL). Written last,
   * it is locked only while the transaction commits; in one order, two transactions cannot deadlock on
   * two rows.
   */
  private void addToCount(Row r, String name, int delta) {
    CountKey key = new CountKey(r.classId(), r.assignee(), r.taskKey(), r.due());
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      writeCount(key, new CountChange().add(r.schoolId(), name, delta));
      return;
    }
    pendingWork().counts.computeIfAbsent(key, k -> new CountChange()).add(r.schoolId(), name, delta);
  }

  private void writeCount(CountKey k, CountChange c) {
    if (c.delta < 0) {
      jdbc.update("UPDATE cf_dash_open_work SET tasks = tasks + ? WHERE class_id = ? AND assignee = ? AND task_key = ? AND due_date = ?",
          c.delta, k.classId(), k.assignee(), k.taskKey(), k.due());
      // rows of due dates no task has any more go, so the summary stays as small as the open work
      jdbc.update("DELETE FROM cf_dash_open_work WHERE class_id = ? AND assignee = ? AND task_key = ? AND due_date = ? AND tasks <= 0",
          k.classId(), k.assignee(), k.taskKey(), k.due());
    } else if (c.delta > 0) {
      // an upsert, so that two transactions adding the row's first tasks at once do not collide
      if (isPostgres()) {
        jdbc.update("INSERT INTO cf_dash_open_work (class_id, school_id, assignee, task_key, due_date, task_name, tasks) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (class_id, assignee, task_key, due_date) DO UPDATE SET tasks = cf_dash_open_work.tasks + EXCLUDED.tasks",
            k.classId(), c.schoolId, k.assignee(), k.taskKey(), k.due(), c.taskName, c.delta);
      } else {
        jdbc.update("MERGE INTO cf_dash_open_work w USING (VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)),"
            + " CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS VARCHAR(255)), CAST(? AS BIGINT))) s(class_id, school_id, assignee, task_key, due_date, task_name, tasks)"
            + " ON w.class_id = s.class_id AND w.assignee = s.assignee AND w.task_key = s.task_key AND w.due_date = s.due_date"
            + " WHEN MATCHED THEN UPDATE SET tasks = w.tasks + s.tasks"
            + " WHEN NOT MATCHED THEN INSERT (class_id, school_id, assignee, task_key, due_date, task_name, tasks)"
            + " VALUES (s.class_id, s.school_id, s.assignee, s.task_key, s.due_date, s.task_name, s.tasks)",
            k.classId(), c.schoolId, k.assignee(), k.taskKey(), k.due(), c.taskName, c.delta);
      }
    }
  }

  private boolean isPostgres() {
    if (postgres == null) {
      postgres = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
    }
    return postgres;
  }

  /** The case, child, class and school of a task: business key = case id (child-case) or meeting id (guardian-meeting). */
  private Row subjectOf(DelegateTask task) {
    String key = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    String def = task.getProcessDefinitionId() == null ? "" : task.getProcessDefinitionId();
    Long id = parse(key);
    List<Row> found = List.of();
    if (id != null && caseIdOf(def, key) != null) {
      found = jdbc.query("SELECT c.id, c.child_id, cl.id, cl.school_id FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id"
          + " JOIN cf_class cl ON cl.id = ch.school_class_id WHERE c.id = ?",
          (rs, n) -> new Row(null, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), null, null, null), id);
    } else if (id != null && def.startsWith("guardian-meeting:")) {
      found = jdbc.query("SELECT cl.id, cl.school_id FROM cf_guardian_meeting m JOIN cf_class cl ON cl.id = m.class_id WHERE m.id = ?",
          (rs, n) -> new Row(null, null, null, rs.getLong(1), rs.getLong(2), null, null, null), id);
    } else if (key != null && def.startsWith("class-activities:") && key.startsWith("class-") && parse(key.substring(6)) != null) {
      // issue 17: a class's activity obligations, business key class-<id>
      found = jdbc.query("SELECT cl.id, cl.school_id FROM cf_class cl WHERE cl.id = ?",
          (rs, n) -> new Row(null, null, null, rs.getLong(1), rs.getLong(2), null, null, null), parse(key.substring(6)));
    }
    return found.isEmpty() ? new Row(null, null, null, 0, 0, null, null, null) : found.get(0);
  }

  private static Long parse(String key) {
    return org.careflow.shared.BusinessKey.parse(key).orElse(null);
  }

  /** The open tasks with a due date the summary should hold (the same subjects as {@link #subjectOf}). */
  static final String ENGINE_TASKS = """
      SELECT t.ID_ AS task_id, c.id AS case_id, ch.id AS child_id, COALESCE(cl.id, 0) AS class_id, COALESCE(cl.school_id, 0) AS school_id,
             t.TASK_DEF_KEY_ AS task_key, COALESCE(t.ASSIGNEE_, '') AS assignee, t.DUE_DATE_ AS due_date, t.NAME_ AS task_name
        FROM ACT_RU_TASK t
        JOIN ACT_RU_EXECUTION pi ON pi.ID_ = t.PROC_INST_ID_
        LEFT JOIN cf_case c ON c.id = CASE WHEN %s THEN CAST(pi.BUSINESS_KEY_ AS BIGINT) END
        LEFT JOIN cf_child ch ON ch.id = c.child_id
        LEFT JOIN cf_guardian_meeting m ON m.id = CASE WHEN t.PROC_DEF_ID_ LIKE 'guardian-meeting:%%' THEN CAST(pi.BUSINESS_KEY_ AS BIGINT) END
        LEFT JOIN cf_class cl ON cl.id = COALESCE(ch.school_class_id, m.class_id,
             CASE WHEN t.PROC_DEF_ID_ LIKE 'class-activities:%%' THEN CAST(SUBSTRING(pi.BUSINESS_KEY_ FROM 7) AS BIGINT) END)
       WHERE t.DUE_DATE_ IS NOT NULL AND t.TASK_DEF_KEY_ IS NOT NULL
      """.formatted(ofCaseProcess("t.PROC_DEF_ID_"));

  /** Recomputes the whole summary from the engine's open tasks, in one transaction. Returns the number of tasks. */
  public long rebuild() {
    Long n = new TransactionTemplate(txm).execute(s -> {
      jdbc.update("DELETE FROM cf_dash_open_work");
      jdbc.update("DELETE FROM cf_dash_task");
      jdbc.update("INSERT INTO cf_dash_task (task_id, case_id, child_id, class_id, school_id, task_key, assignee, due_date)"
          + " SELECT task_id, case_id, child_id, class_id, school_id, task_key, assignee, due_date FROM (" + ENGINE_TASKS + ") x");
      jdbc.update("INSERT INTO cf_dash_open_work (class_id, school_id, assignee, task_key, due_date, task_name, tasks)"
          + " SELECT d.class_id, MAX(d.school_id), d.assignee, d.task_key, d.due_date, MAX(t.NAME_), COUNT(*)"
          + " FROM cf_dash_task d JOIN ACT_RU_TASK t ON t.ID_ = d.task_id GROUP BY d.class_id, d.assignee, d.task_key, d.due_date");
      rebuildCasesAndPeriods();
      return jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_task", Long.class);
    });
    return n == null ? 0 : n;
  }

  /** The case summary from the cases, the period counts from every talk and check-in record (read once, counted here). */
  private void rebuildCasesAndPeriods() {
    jdbc.update("DELETE FROM cf_dash_case");
    jdbc.update("DELETE FROM cf_dash_period");
    jdbc.update("INSERT INTO cf_dash_case (" + CASE_COLUMNS + ") " + CASE_ROW);
    record Key(long classId, String kind, String period) {}
    Map<Key, long[]> counts = new HashMap<>();
    Map<Key, Long> schools = new HashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Set<String> seenOnTime = new java.util.HashSet<>();
    jdbc.query("SELECT d.class_id, d.school_id, mt.case_id, mt.talk_month, mt.talk_date FROM cf_monthly_talk mt JOIN cf_dash_case d ON d.case_id = mt.case_id",
        rs -> {
          Key k = new Key(rs.getLong(1), "TALK", rs.getString(4));
          schools.put(k, rs.getLong(2));
          long[] v = counts.computeIfAbsent(k, x -> new long[2]);
          String caseMonth = rs.getLong(3) + "/" + k.period();
          if (seen.add(caseMonth)) {
            v[0]++;
          }
          if (Obligations.talkOnTime(k.period(), rs.getObject(5, java.time.LocalDate.class)) && seenOnTime.add(caseMonth)) {
            v[1]++;
          }
        });
    jdbc.query("SELECT d.class_id, d.school_id, ci.case_id, ci.check_in_date FROM cf_mentor_check_in ci JOIN cf_dash_case d ON d.case_id = ci.case_id"
        + " WHERE ci.first_meeting = FALSE", rs -> {
          Key k = new Key(rs.getLong(1), "CHECK_IN", Obligations.weekOf(rs.getObject(4, java.time.LocalDate.class)));
          schools.put(k, rs.getLong(2));
          if (seen.add(rs.getLong(3) + "/" + k.period())) {
            counts.computeIfAbsent(k, x -> new long[2])[0]++;
          }
        });
    List<Object[]> rows = new ArrayList<>();
    counts.forEach((k, v) -> rows.add(new Object[] {k.classId(), schools.get(k), k.kind(), k.period(), v[0], v[1]}));
    jdbc.batchUpdate("INSERT INTO cf_dash_period (class_id, school_id, kind, period, with_record, on_time) VALUES (?, ?, ?, ?, ?, ?)", rows);
  }

  /** Whether the summary holds as many tasks as the engine has open with a due date (a cheap check at start). */
  boolean inStep() {
    Long engine = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK t WHERE t.DUE_DATE_ IS NOT NULL AND t.TASK_DEF_KEY_ IS NOT NULL"
        + " AND t.PROC_INST_ID_ IS NOT NULL", Long.class);
    Long mine = jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_task", Long.class);
    Long counted = jdbc.queryForObject("SELECT COALESCE(SUM(tasks), 0) FROM cf_dash_open_work", Long.class);
    Long cases = jdbc.queryForObject("SELECT COUNT(*) FROM cf_case", Long.class);
    Long summarised = jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_case", Long.class);
    return Objects.equals(engine, mine) && Objects.equals(mine, counted) && Objects.equals(cases, summarised);
  }

  @EventListener(ApplicationReadyEvent.class)
  void checkAtStart() {
    if (!inStep()) {
      long t = System.nanoTime();
      long n = rebuild();
      log.info("Oversight summary rebuilt from the engine's open tasks: {} tasks in {} ms", n, (System.nanoTime() - t) / 1_000_000);
    }
  }
}
