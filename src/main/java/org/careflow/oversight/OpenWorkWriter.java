package org.careflow.oversight;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.careflow.child.CaseFactsChanged;
import org.careflow.talk.TalkFacts;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the dashboard's projection of the engine's open work ({@code cf_dash_task}, {@code cf_dash_open_work},
 * {@code cf_dash_case}, {@code cf_dash_period}) for the task and process events {@link OpenWork} hears. A
 * transaction's changes are gathered and written just before it commits, each kind in one JDBC batch: the
 * task rows as they end up (a task made and assigned in one transaction is one insert), then the cases'
 * rows, then the count rows, summed per row and in one order (see {@link #addToCount}). The upserts are the
 * dialect's ({@link DashUpserts}). The case rows follow the child module's {@link CaseFactsChanged}.
 *
 * <p>Over 300 lines for a reason: the task rows, the case rows and the counts share one transaction's
 * pending work (a case's row moves its tasks' counts; a new task is placed from its case's pending facts),
 * which split across classes would have to be passed around on every task event.
 */
@Component
class OpenWorkWriter {

  static final String NO_ASSIGNEE = "";

  private final JdbcTemplate jdbc;
  private final jakarta.persistence.EntityManager entities;
  private final TalkFacts talkFacts;
  private final ProcessPlaces places;
  private volatile DashUpserts upserts;

  OpenWorkWriter(JdbcTemplate jdbc, jakarta.persistence.EntityManager entities, TalkFacts talkFacts, ProcessPlaces places) {
    this.jdbc = jdbc;
    this.entities = entities;
    this.talkFacts = talkFacts;
    this.places = places;
  }

  private DashUpserts upserts() {
    if (upserts == null) {
      upserts = DashUpserts.of(jdbc);
    }
    return upserts;
  }

  /** A task's row: what the counts are keyed by. */
  record Row(String taskId, Long caseId, Long childId, long classId, long schoolId, String taskKey, String assignee, Timestamp due) {
    boolean sameCount(Row o) {
      return o != null && classId == o.classId && taskKey.equals(o.taskKey) && assignee.equals(o.assignee) && due.equals(o.due);
    }
  }

  /** What a transaction leaves to be written just before it commits. */
  static final class PendingWork {
    /** Cases whose pairing or verification (oversight's own copies) changed. */
    final java.util.Set<Long> cases = new java.util.LinkedHashSet<>();
    /** Cases whose facts changed (the child module's event), as they are now. */
    final Map<Long, CaseFactsChanged> facts = new LinkedHashMap<>();
    final java.util.SortedMap<CountKey, CountChange> counts = new java.util.TreeMap<>();
    /** Task rows as the database holds them (null: none), for the tasks this transaction looked at. */
    final Map<String, Row> stored = new HashMap<>();
    /** Task rows as they are to be written (null: deleted), not yet written. */
    final Map<String, Row> changed = new LinkedHashMap<>();
  }

  /** The key of the transaction's pending work. */
  private final Object pendingKey = new Object();

  private PendingWork pendingWork() {
    PendingWork pending = (PendingWork) TransactionSynchronizationManager.getResource(pendingKey);
    if (pending == null) {
      PendingWork work = new PendingWork();
      pending = work;
      TransactionSynchronizationManager.bindResource(pendingKey, work);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          writeRows(work);
          for (CaseFactsChanged f : work.facts.values()) {
            writeCase(f); // may move counts: before they are written
          }
          for (Long id : work.cases) {
            if (!work.facts.containsKey(id)) { // written with its facts above
              refreshOwn(id);
            }
          }
          writeCounts(work.counts);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(pendingKey);
        }
      });
    }
    return pending;
  }

  /**
   * A case's facts changed (opened, decided, closed, its child moved or registered; the child module's event,
   * in the transaction of the change). Its summary row is written once per transaction, just before it
   * commits, from the last facts heard; until then a new task of the case is placed from them ({@link #subjectOf}).
   */
  @EventListener
  void caseFactsChanged(CaseFactsChanged f) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      writeCase(f);
      return;
    }
    pendingWork().facts.put(f.caseId(), f);
  }

  /** The case's pairing or verification changed (oversight's own copies): its row follows before the transaction commits. */
  void refreshBeforeCommit(long caseId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      refreshOwn(caseId);
      return;
    }
    pendingWork().cases.add(caseId);
  }

  /** A talk or check-in record was just written through JPA: its case's row now, and its period counted once. */
  void recordWritten(long caseId, boolean talk) {
    // the record the form handler just wrote through JPA must be visible to this transaction's SQL, and
    // counted right after it is written (a period counts once: the counting looks at the records before it)
    entities.flush();
    if (talk) {
      countTalk(caseId);
    } else {
      countCheckIn(caseId);
    }
  }

  /**
   * Writes the case's summary row from its facts, with its first pairing and its verification from
   * oversight's own copies; when its child changed class, its open tasks move along.
   */
  private void writeCase(CaseFactsChanged f) {
    List<Long> before = jdbc.queryForList("SELECT class_id FROM cf_dash_case WHERE case_id = ?", Long.class, f.caseId());
    upserts().upsertCase(f);
    if (!before.isEmpty() && before.get(0) != f.classId()) {
      moveOpenTasks(f.caseId(), f.classId(), f.schoolId());
    }
  }

  /** The case's first pairing and its verification, from oversight's own copies (cf_dash_pairing, cf_dash_verified). */
  private void refreshOwn(long caseId) {
    jdbc.update("UPDATE cf_dash_case SET paired_at = " + DashUpserts.PAIRED_AT.replace("?", "cf_dash_case.case_id")
        + ", verified = " + DashUpserts.VERIFIED.replace("?", "cf_dash_case.case_id") + " WHERE case_id = ?", caseId);
  }

  /** The child changed class: its case's open tasks count for the new class from now on. */
  private void moveOpenTasks(long caseId, long classId, long schoolId) {
    PendingWork pending = TransactionSynchronizationManager.isSynchronizationActive() ? pendingWork() : null;
    if (pending != null) {
      writeRows(pending); // the rows this transaction changed are read below
    }
    List<Row> rows = jdbc.query("SELECT task_id, case_id, child_id, class_id, school_id, task_key, assignee, due_date FROM cf_dash_task WHERE case_id = ?",
        (rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8)), caseId);
    List<Object[]> moves = new ArrayList<>();
    for (Row old : rows) {
      uncount(old);
      moves.add(new Object[] {classId, schoolId, old.taskId()});
      Row moved = new Row(old.taskId(), old.caseId(), old.childId(), classId, schoolId, old.taskKey(), old.assignee(), old.due());
      count(moved, null);
      if (pending != null) {
        pending.stored.put(old.taskId(), moved);
      }
    }
    jdbc.batchUpdate("UPDATE cf_dash_task SET class_id = ?, school_id = ? WHERE task_id = ?", moves);
  }

  private void uncount(Row old) {
    addToCount(old, null, -1);
  }

  private void count(Row r, String name) {
    addToCount(r, name, 1);
  }

  /** A talk record just written: its case-month counts once, and once more as on time when held within the month. */
  private void countTalk(long caseId) {
    List<TalkFacts.TalkDay> talks = talkFacts.talksLastWrittenFirst(caseId);
    if (talks.isEmpty()) {
      return;
    }
    String month = talks.get(0).month();
    boolean onTime = Obligations.talkOnTime(month, talks.get(0).date());
    boolean first = true;
    boolean firstOnTime = onTime;
    for (TalkFacts.TalkDay t : talks.subList(1, talks.size())) {
      if (month.equals(t.month())) {
        first = false;
        if (Obligations.talkOnTime(month, t.date())) {
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
    List<java.time.LocalDate> days = talkFacts.checkInDaysLastWrittenFirst(caseId);
    if (days.isEmpty()) {
      return;
    }
    String week = Obligations.weekOf(days.get(0));
    if (days.stream().skip(1).noneMatch(d -> Obligations.weekOf(d).equals(week))) {
      addPeriod(caseId, "CHECK_IN", week, 1, 0);
    }
  }

  private void addPeriod(long caseId, String kind, String period, long records, long onTime) {
    CaseFactsChanged f = pendingFacts(caseId);
    if (f != null) {
      upserts().addPeriod(f.classId(), f.schoolId(), kind, period, records, onTime);
      return;
    }
    List<long[]> where = jdbc.query("SELECT class_id, school_id FROM cf_dash_case WHERE case_id = ?", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, caseId);
    if (where.isEmpty()) {
      return;
    }
    upserts().addPeriod(where.get(0)[0], where.get(0)[1], kind, period, records, onTime);
  }

  /** Makes the task's row and its count match the task as it is after this event. */
  void syncOpenWork(DelegateTask task) {
    String event = task.getEventName();
    boolean open = !TaskListener.EVENTNAME_COMPLETE.equals(event) && !TaskListener.EVENTNAME_DELETE.equals(event);
    PendingWork pending = TransactionSynchronizationManager.isSynchronizationActive() ? pendingWork() : null;
    Row old;
    if (pending != null && pending.changed.containsKey(task.getId())) {
      old = pending.changed.get(task.getId()); // changed earlier in this transaction (the assignment right after the creation)
    } else if (pending != null && pending.stored.containsKey(task.getId())) {
      old = pending.stored.get(task.getId());
    } else {
      // a task being created has no row yet (a case start makes several tasks: one query fewer each)
      old = TaskListener.EVENTNAME_CREATE.equals(event) ? null
          : jdbc.query("SELECT task_id, case_id, child_id, class_id, school_id, task_key, assignee, due_date FROM cf_dash_task WHERE task_id = ?",
              rs -> rs.next() ? new Row(rs.getString(1), (Long) rs.getObject(2, Long.class), (Long) rs.getObject(3, Long.class), rs.getLong(4),
                  rs.getLong(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8)) : null, task.getId());
      if (pending != null) {
        pending.stored.put(task.getId(), old);
      }
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
    if (old == null && now == null) {
      return;
    }
    if (old != null) {
      uncount(old);
    }
    if (now != null) {
      count(now, task.getName());
    }
    if (pending != null) {
      pending.changed.put(task.getId(), now);
    } else {
      PendingWork once = new PendingWork();
      once.stored.put(task.getId(), old);
      once.changed.put(task.getId(), now);
      writeRows(once);
    }
  }

  /** The task rows changed since the last write, each kind (insert, update, delete) in one JDBC batch. */
  private void writeRows(PendingWork work) {
    if (work.changed.isEmpty()) {
      return;
    }
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    List<Object[]> deletes = new ArrayList<>();
    work.changed.forEach((id, now) -> {
      Row stored = work.stored.get(id);
      if (stored == null && now != null) {
        inserts.add(new Object[] {now.taskId(), now.caseId(), now.childId(), now.classId(), now.schoolId(), now.taskKey(), now.assignee(), now.due()});
      } else if (stored != null && now == null) {
        deletes.add(new Object[] {id});
      } else if (stored != null && !stored.equals(now)) {
        updates.add(new Object[] {now.taskKey(), now.assignee(), now.due(), id});
      }
      work.stored.put(id, now);
    });
    work.changed.clear();
    if (!deletes.isEmpty()) {
      jdbc.batchUpdate("DELETE FROM cf_dash_task WHERE task_id = ?", deletes);
    }
    if (!updates.isEmpty()) {
      jdbc.batchUpdate("UPDATE cf_dash_task SET task_key = ?, assignee = ?, due_date = ? WHERE task_id = ?", updates);
    }
    if (!inserts.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO cf_dash_task (task_id, case_id, child_id, class_id, school_id, task_key, assignee, due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          inserts);
    }
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
      java.util.SortedMap<CountKey, CountChange> one = new java.util.TreeMap<>();
      one.put(key, new CountChange().add(r.schoolId(), name, delta));
      writeCounts(one);
      return;
    }
    pendingWork().counts.computeIfAbsent(key, k -> new CountChange()).add(r.schoolId(), name, delta);
  }

  /**
   * The transaction's count changes: one batch of upserts adding each row's net change (negative ones too:
   * the row exists), in key order, which locks the rows in that order; then one batch removing the rows
   * left without tasks, so the summary stays as small as the open work.
   */
  private void writeCounts(java.util.SortedMap<CountKey, CountChange> counts) {
    List<Object[]> adds = new ArrayList<>();
    List<Object[]> emptied = new ArrayList<>();
    counts.forEach((k, c) -> {
      if (c.delta != 0) {
        adds.add(new Object[] {k.classId(), c.schoolId, k.assignee(), k.taskKey(), k.due(), c.taskName, c.delta});
      }
      if (c.delta < 0) {
        emptied.add(new Object[] {k.classId(), k.assignee(), k.taskKey(), k.due()});
      }
    });
    counts.clear();
    if (!adds.isEmpty()) {
      upserts().addOpenWork(adds);
    }
    if (!emptied.isEmpty()) {
      jdbc.batchUpdate("DELETE FROM cf_dash_open_work WHERE class_id = ? AND assignee = ? AND task_key = ? AND due_date = ? AND tasks <= 0", emptied);
    }
  }

  /**
   * The case, child, class and school of a task: business key = case id (a case process), otherwise the
   * place the process's owning module gives its instance ({@link ProcessPlaces}: a meeting's or a class's
   * class, a 劝返 follow-up's or a referral's child, a term archive's school …); class and school 0 when
   * none is known.
   */
  private Row subjectOf(DelegateTask task) {
    String key = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    String def = task.getProcessDefinitionId() == null ? "" : task.getProcessDefinitionId();
    Long caseId = OpenWork.caseIdOf(def, key);
    if (caseId != null) {
      CaseFactsChanged f = pendingFacts(caseId); // a case opened in this transaction: its row is not written yet
      if (f != null) {
        return new Row(null, caseId, f.childId(), f.classId(), f.schoolId(), null, null, null);
      }
      List<Row> found = jdbc.query("SELECT case_id, child_id, class_id, school_id FROM cf_dash_case WHERE case_id = ?",
          (rs, n) -> new Row(null, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), null, null, null), caseId);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      // not summarised (yet): the child module's answer
      return places.placeOf(def, key).map(p -> new Row(null, caseId, p.childId(), p.classId(), p.schoolId(), null, null, null)).orElse(NOWHERE);
    }
    return places.placeOf(def, key).map(p -> new Row(null, null, p.childId(), p.classId(), p.schoolId(), null, null, null)).orElse(NOWHERE);
  }

  private CaseFactsChanged pendingFacts(long caseId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    PendingWork pending = (PendingWork) TransactionSynchronizationManager.getResource(pendingKey);
    return pending == null ? null : pending.facts.get(caseId);
  }

  private static final Row NOWHERE = new Row(null, null, null, 0, 0, null, null, null);
}
