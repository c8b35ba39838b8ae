package org.careflow.oversight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.careflow.child.CaseFacts;
import org.careflow.shared.CaseScopes;
import org.careflow.shared.EngineTables;
import org.careflow.talk.TalkFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the dashboard's projection from the engine's open tasks and the cases, for what is not an
 * engine event (a running case migrated to a new version keeps the old task key; data written around the
 * engine). Runs at start when the summary does not match the engine's open tasks and the cases (a first
 * start after upgrading); {@link OpenWork#rebuild()} calls it.
 */
@Component
class OpenWorkRebuild {

  private static final Logger log = LoggerFactory.getLogger(OpenWorkRebuild.class);

  private final JdbcTemplate jdbc;
  private final PlatformTransactionManager txm;
  private final EngineTables engineTables;
  private final TalkFacts talkFacts;
  private final ProcessPlaces places;
  private final MeetingsHeld meetingsHeld;
  private final RiskAndPlans riskAndPlans;
  private final PairingsAndVisits pairingsAndVisits;
  private final CaseFacts caseFacts;

  OpenWorkRebuild(JdbcTemplate jdbc, PlatformTransactionManager txm, EngineTables engineTables, TalkFacts talkFacts, ProcessPlaces places,
      MeetingsHeld meetingsHeld, RiskAndPlans riskAndPlans, PairingsAndVisits pairingsAndVisits, CaseFacts caseFacts) {
    this.caseFacts = caseFacts;
    this.pairingsAndVisits = pairingsAndVisits;
    this.riskAndPlans = riskAndPlans;
    this.meetingsHeld = meetingsHeld;
    this.jdbc = jdbc;
    this.txm = txm;
    this.engineTables = engineTables;
    this.talkFacts = talkFacts;
    this.places = places;
  }

  /** Recomputes the whole summary from the engine's open tasks, in one transaction. Returns the number of tasks. */
  public long rebuild() {
    Long n = new TransactionTemplate(txm).execute(s -> {
      jdbc.update("DELETE FROM cf_dash_open_work");
      jdbc.update("DELETE FROM cf_dash_task");
      pairingsAndVisits.rebuild(); // the case rows read them
      rebuildCasesAndPeriods(); // the case tasks are placed in their case's row
      jdbc.update("INSERT INTO cf_dash_task (task_id, case_id, child_id, class_id, school_id, task_key, assignee, due_date)"
          + " SELECT task_id, case_id, child_id, class_id, school_id, task_key, assignee, due_date FROM (" + OpenWork.ENGINE_CASE_TASKS + ") x");
      insertOtherTasks();
      meetingsHeld.rebuild();
      riskAndPlans.rebuild();
      jdbc.update("INSERT INTO cf_dash_open_work (class_id, school_id, assignee, task_key, due_date, task_name, tasks)"
          + " SELECT d.class_id, MAX(d.school_id), d.assignee, d.task_key, d.due_date, MAX(t.task_name), COUNT(*)"
          + " FROM cf_dash_task d JOIN " + EngineTables.OPEN_TASKS_WITH_DUE + " t ON t.task_id = d.task_id"
          + " GROUP BY d.class_id, d.assignee, d.task_key, d.due_date");
      return jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_task", Long.class);
    });
    return n == null ? 0 : n;
  }

  /**
   * The tasks of the processes that are not a case's, each instance placed once by the module that owns its
   * process, as the writer places a new task ({@link ProcessPlaces}).
   */
  private void insertOtherTasks() {
    record Open(String taskId, String definitionId, String businessKey, String taskKey, String assignee, java.sql.Timestamp due) {}
    List<Open> open = jdbc.query(OpenWork.ENGINE_OTHER_TASKS, (rs, n) -> new Open(rs.getString("task_id"), rs.getString("definition_id"),
        rs.getString("business_key"), rs.getString("task_key"), rs.getString("assignee"), rs.getTimestamp("due_date")));
    Map<String, Optional<CaseScopes.Scope>> placed = new HashMap<>();
    List<Object[]> rows = new ArrayList<>();
    for (Open t : open) {
      Optional<CaseScopes.Scope> place = placed.computeIfAbsent(ProcessPlaces.processKeyOf(t.definitionId()) + " " + t.businessKey(),
          k -> places.placeOf(t.definitionId(), t.businessKey()));
      rows.add(new Object[] {t.taskId(), null, place.map(CaseScopes.Scope::childId).orElse(null), place.map(CaseScopes.Scope::classId).orElse(0L),
          place.map(CaseScopes.Scope::schoolId).orElse(0L), t.taskKey(), t.assignee(), t.due()});
    }
    jdbc.batchUpdate("INSERT INTO cf_dash_task (task_id, case_id, child_id, class_id, school_id, task_key, assignee, due_date)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
  }

  /** The case summary from the cases, the period counts from every talk and check-in record (read once, counted here). */
  private void rebuildCasesAndPeriods() {
    jdbc.update("DELETE FROM cf_dash_case");
    jdbc.update("DELETE FROM cf_dash_period");
    // from the child module's facts of every case, with the pairing and verification of oversight's own copies
    jdbc.batchUpdate("INSERT INTO cf_dash_case (" + DashUpserts.CASE_COLUMNS + ") VALUES (" + DashUpserts.CASE_VALUES + ")",
        caseFacts.all().stream().map(DashUpserts::caseValues).toList());
    record Key(long classId, String kind, String period) {}
    Map<Key, long[]> counts = new HashMap<>();
    Map<Key, Long> schools = new HashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Set<String> seenOnTime = new java.util.HashSet<>();
    Map<Long, long[]> whereCase = new HashMap<>(); // case id -> {class id, school id}, from the case summary just written
    jdbc.query("SELECT case_id, class_id, school_id FROM cf_dash_case", rs -> {
      whereCase.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
    });
    talkFacts.eachTalk(t -> {
      long[] where = whereCase.get(t.caseId());
      if (where == null) {
        return;
      }
      Key k = new Key(where[0], "TALK", t.month());
      schools.put(k, where[1]);
      long[] v = counts.computeIfAbsent(k, x -> new long[2]);
      String caseMonth = t.caseId() + "/" + k.period();
      if (seen.add(caseMonth)) {
        v[0]++;
      }
      if (Obligations.talkOnTime(k.period(), t.date()) && seenOnTime.add(caseMonth)) {
        v[1]++;
      }
    });
    talkFacts.eachCheckIn(c -> {
      long[] where = whereCase.get(c.caseId());
      if (where == null) {
        return;
      }
      Key k = new Key(where[0], "CHECK_IN", Obligations.weekOf(c.date()));
      schools.put(k, where[1]);
      if (seen.add(c.caseId() + "/" + k.period())) {
        counts.computeIfAbsent(k, x -> new long[2])[0]++;
      }
    });
    List<Object[]> rows = new ArrayList<>();
    counts.forEach((k, v) -> rows.add(new Object[] {k.classId(), schools.get(k), k.kind(), k.period(), v[0], v[1]}));
    jdbc.batchUpdate("INSERT INTO cf_dash_period (class_id, school_id, kind, period, with_record, on_time) VALUES (?, ?, ?, ?, ?, ?)", rows);
  }

  /** Whether the summary holds as many tasks as the engine has open with a due date (a cheap check at start). */
  boolean inStep() {
    Long engine = engineTables.openTasksWithDue();
    Long mine = jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_task", Long.class);
    Long counted = jdbc.queryForObject("SELECT COALESCE(SUM(tasks), 0) FROM cf_dash_open_work", Long.class);
    long cases = caseFacts.count();
    Long summarised = jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_case", Long.class);
    return Objects.equals(engine, mine) && Objects.equals(mine, counted) && Objects.equals(cases, summarised) && meetingsHeld.inStep()
        && riskAndPlans.inStep() && pairingsAndVisits.inStep();
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
