package org.careflow.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.careflow.shared.Deadlines;
import org.careflow.shared.InvalidInputException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the oversight dashboard, its JSON and its exports, in SQL over the engine's open tasks
 * ({@code ACT_RU_TASK}) and the domain tables, aggregated in the database so that a district's worth of
 * cases stays fast (docs/PERFORMANCE.md). Overdue, due soon and the age buckets are
 * {@link Deadlines#cutoffs}; missed obligations are {@link Obligations}.
 *
 * <p>Scope: every method takes the schools whose figures are wanted ({@code null}: all schools, for
 * administrators; a supervisor's or coordinator's {@code school-<id>} groups otherwise, see
 * identity.CurrentUser#schools). The scope is one more condition on the class's {@code school_id} (or a
 * subquery of the scope's class ids for the tables that hold a case or class id), and part of the cache key.
 * The methods without it are the all-schools figures.
 */
@Service
@Transactional(readOnly = true)
public class OversightQueries {

  public enum GroupBy {
    CLASS, TEACHER, OBLIGATION;

    /** "class", "teacher" or "obligation"; anything else is a clear 400. */
    public static GroupBy parse(String value) {
      if (value != null) {
        for (GroupBy g : values()) {
          if (g.name().toLowerCase(Locale.ROOT).equals(value.trim().toLowerCase(Locale.ROOT))) {
            return g;
          }
        }
      }
      throw InvalidInputException.of("groupBy", "oversight.groupBy.invalid", value == null ? "" : value);
    }
  }

  /** Overdue and due-soon tasks, the overdue ones by age. */
  public record Counts(long overdue, long dueSoon, long days1to7, long days8to30, long over30) {
    static Counts of(ResultSet rs) throws SQLException {
      return new Counts(rs.getLong("overdue"), rs.getLong("due_soon"), rs.getLong("b1"), rs.getLong("b2"), rs.getLong("b3"));
    }
  }

  /** One group: {@code key} is the class id, the user id ("" = offered to a group) or the task key. */
  public record GroupRow(String key, String label, Counts counts) {}

  /** One child's open work with its class and the teacher it waits for. */
  public record ChildRow(long classId, String className, String teacher, long childId, String childName, Counts counts) {}

  public record TermRef(long id, String name, LocalDate start, LocalDate end) {}

  public record MonthRate(String month, long activeCases, long withTalk, long onTime) {
    public double onTimeRate() {
      return activeCases == 0 ? 0 : (double) onTime / activeCases;
    }
  }

  /** Missed obligations of the term so far (periods that have ended). */
  public record Missed(long talkMonths, long checkInWeeks, long guardianMeetings, long unverifiedArchives) {}

  public record Targets(TermRef term, double archiveRate, double pairingRate, double onTimeTalkRate, long guardianMeetingsHeld,
      long atRiskWithPlan, long atRiskWithoutPlan, long cases, long activeCases, List<MonthRate> talkByMonth, Missed missed) {}

  private static final String COUNTS = """
      SUM(CASE WHEN t.DUE_DATE_ < :now THEN 1 ELSE 0 END) AS overdue,
      SUM(CASE WHEN t.DUE_DATE_ >= :now THEN 1 ELSE 0 END) AS due_soon,
      SUM(CASE WHEN t.DUE_DATE_ < :now AND t.DUE_DATE_ >= :late7 THEN 1 ELSE 0 END) AS b1,
      SUM(CASE WHEN t.DUE_DATE_ < :late7 AND t.DUE_DATE_ >= :late30 THEN 1 ELSE 0 END) AS b2,
      SUM(CASE WHEN t.DUE_DATE_ < :late30 THEN 1 ELSE 0 END) AS b3
      """;

  /** An escalation whose task is still open: an item on the supervisors' dashboard. */
  public record OpenEscalation(String taskName, String assignee, Long childId, String childName, String className,
      Instant dueDate, Instant escalatedAt) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final CareClock clock;
  private final SchoolDirectory schools;

  private final Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile long cacheNanos;

  private record Cached(long at, Object value) {}

  OversightQueries(NamedParameterJdbcTemplate jdbc, CareClock clock, SchoolDirectory schools,
      @org.springframework.beans.factory.annotation.Value("${careflow.oversight.cache-seconds:60}") int cacheSeconds) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.schools = schools;
    setCacheSeconds(cacheSeconds);
  }

  /**
   * How long a figure is reused before it is computed again (0: never reused). A district's figures take
   * a few hundred milliseconds each on H2 (docs/PERFORMANCE.md); supervisors look weekly, so a minute old
   * is fresh enough.
   */
  public void setCacheSeconds(int seconds) {
    cacheNanos = java.time.Duration.ofSeconds(Math.max(0, seconds)).toNanos();
    cache.clear();
  }

  /** The cache key's part for a scope. */
  private static String scopeKey(java.util.Set<Long> schools) {
    return schools == null ? "all" : new java.util.TreeSet<>(schools).toString();
  }

  /** The scope as a parameter: no school at all matches nothing (an empty IN list is not SQL). */
  private static MapSqlParameterSource scoped(MapSqlParameterSource p, java.util.Set<Long> schools) {
    return schools == null ? p : p.addValue("schools", schools.isEmpty() ? List.of(-1L) : List.copyOf(schools));
  }

  /** A condition: the class in this column is in the scope's schools ("" for all schools). */
  private static String classInScope(String classIdColumn, java.util.Set<Long> schools) {
    return schools == null ? "" : " AND " + classIdColumn + " IN (SELECT sc.id FROM cf_class sc WHERE sc.school_id IN (:schools))";
  }

  /** A condition: the case in this column is of a child of the scope's schools ("" for all schools). */
  private static String caseInScope(String caseIdColumn, java.util.Set<Long> schools) {
    return schools == null ? "" : " AND " + caseIdColumn + " IN (SELECT sc_c.id FROM cf_case sc_c JOIN cf_child sc_ch ON sc_ch.id = sc_c.child_id"
        + " JOIN cf_class sc ON sc.id = sc_ch.school_class_id WHERE sc.school_id IN (:schools))";
  }

  @SuppressWarnings("unchecked")
  private <T> T cached(String key, java.util.function.Supplier<T> compute) {
    if (cacheNanos == 0) {
      return compute.get();
    }
    long now = System.nanoTime();
    Cached c = cache.get(key);
    if (c != null && now - c.at() < cacheNanos) {
      return (T) c.value();
    }
    T value = compute.get();
    cache.put(key, new Cached(now, value));
    return value;
  }

  public List<OpenEscalation> openEscalations(int limit) {
    return openEscalations(limit, null);
  }

  public List<OpenEscalation> openEscalations(int limit, java.util.Set<Long> schools) {
    return cached("escalations:" + limit + ":" + scopeKey(schools), () -> computeOpenEscalations(limit, schools));
  }

  private List<OpenEscalation> computeOpenEscalations(int limit, java.util.Set<Long> schools) {
    return jdbc.query("""
        SELECT r.task_name, r.assignee, ch.id AS child_id, ch.name AS child_name, cl.name AS class_name, r.due_date, r.recorded_at
          FROM cf_reminder r
          JOIN ACT_RU_TASK t ON t.ID_ = r.task_id
          LEFT JOIN cf_case c ON c.id = r.case_id
          LEFT JOIN cf_child ch ON ch.id = c.child_id
          LEFT JOIN ACT_RU_EXECUTION pi ON r.case_id IS NULL AND pi.ID_ = t.PROC_INST_ID_
          LEFT JOIN cf_guardian_meeting gm ON gm.id = CASE WHEN t.PROC_DEF_ID_ LIKE 'guardian-meeting:%' THEN CAST(pi.BUSINESS_KEY_ AS BIGINT) END
          LEFT JOIN cf_class cl ON cl.id = COALESCE(ch.school_class_id, gm.class_id)
         WHERE r.kind = 'ESCALATION'""" + (schools == null ? "" : " AND cl.school_id IN (:schools)") + """
         ORDER BY r.due_date, r.id LIMIT :limit
        """, scoped(new MapSqlParameterSource("limit", limit), schools), (rs, n) -> new OpenEscalation(rs.getString("task_name"), rs.getString("assignee"),
        (Long) rs.getObject("child_id", Long.class), rs.getString("child_name"), rs.getString("class_name"),
        rs.getTimestamp("due_date").toInstant(), rs.getTimestamp("recorded_at").toInstant()));
  }

  /** Teachers' names for user ids (the JSON, the page and the exports name teachers). */
  public Map<String, String> teacherNames(java.util.Collection<String> ids) {
    return schools.teacherNames(ids);
  }

  private static MapSqlParameterSource cutoffs(Instant now) {
    Deadlines.Cutoffs c = Deadlines.cutoffs(now);
    return new MapSqlParameterSource()
        .addValue("now", ts(c.now())).addValue("dueSoonEnd", ts(c.dueSoonEnd()))
        .addValue("late7", ts(c.late7())).addValue("late30", ts(c.late30()));
  }

  static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }

  /** The counts per process instance (and assignee): one pass over the open tasks, before any join. */
  private static final String PER_INSTANCE = "SELECT t.PROC_INST_ID_ AS pid, MAX(t.PROC_DEF_ID_) AS pdef, %s" + COUNTS
      + " FROM ACT_RU_TASK t WHERE t.DUE_DATE_ IS NOT NULL AND t.DUE_DATE_ <= :dueSoonEnd GROUP BY t.PROC_INST_ID_%s";

  /** The instance's case, child and class (cases), or its meeting's class (guardian meetings). */
  private static final String INSTANCE_SUBJECT = """
       JOIN ACT_RU_EXECUTION pi ON pi.ID_ = a.pid
       LEFT JOIN cf_case c ON c.id = CASE WHEN a.pdef LIKE 'child-case:%' OR a.pdef LIKE 'family-ties:%' OR a.pdef LIKE 'support-plan:%' THEN CAST(pi.BUSINESS_KEY_ AS BIGINT) END
       LEFT JOIN cf_child ch ON ch.id = c.child_id
       LEFT JOIN cf_guardian_meeting m ON m.id = CASE WHEN a.pdef LIKE 'guardian-meeting:%' THEN CAST(pi.BUSINESS_KEY_ AS BIGINT) END
       LEFT JOIN cf_class cl ON cl.id = COALESCE(ch.school_class_id, m.class_id)
      """;

  private static final String SUMS =
      "SUM(a.overdue) AS overdue, SUM(a.due_soon) AS due_soon, SUM(a.b1) AS b1, SUM(a.b2) AS b2, SUM(a.b3) AS b3";

  /**
   * Overdue and due-soon work grouped by class, by the teacher it waits for, or by obligation (task key).
   * By teacher and by obligation read the task table alone; by class the tasks are first summed per
   * process instance, so the joins to the case, child and class run once per instance, not per task.
   */
  public List<GroupRow> overdue(GroupBy groupBy) {
    return overdue(groupBy, null);
  }

  /** The same, for the scope's schools only ({@code null}: all). */
  public List<GroupRow> overdue(GroupBy groupBy, java.util.Set<Long> schools) {
    return cached("overdue:" + groupBy + ":" + scopeKey(schools), () -> computeOverdue(groupBy, schools));
  }

  private List<GroupRow> computeOverdue(GroupBy groupBy, java.util.Set<Long> schools) {
    MapSqlParameterSource p = scoped(cutoffs(clock.now()), schools);
    String inScope = " WHERE cl.school_id IN (:schools)";
    String sql = schools != null ? switch (groupBy) {
      // scoped: the tasks are summed per instance (and teacher or task key) first, then joined to their
      // class as by class, and only the scope's schools are kept
      case CLASS -> "SELECT CAST(cl.id AS VARCHAR(20)) AS gkey, MAX(cl.name) AS glabel, " + SUMS
          + " FROM (" + String.format(PER_INSTANCE, "", "") + ") a" + INSTANCE_SUBJECT + inScope
          + " GROUP BY cl.id ORDER BY overdue DESC, gkey";
      case TEACHER -> "SELECT a.teacher AS gkey, '' AS glabel, " + SUMS
          + " FROM (" + String.format(PER_INSTANCE, "COALESCE(t.ASSIGNEE_, '') AS teacher, ", ", COALESCE(t.ASSIGNEE_, '')") + ") a"
          + INSTANCE_SUBJECT + inScope + " GROUP BY a.teacher ORDER BY overdue DESC, gkey";
      case OBLIGATION -> "SELECT a.tkey AS gkey, MAX(a.tname) AS glabel, " + SUMS
          + " FROM (" + String.format(PER_INSTANCE, "t.TASK_DEF_KEY_ AS tkey, MAX(t.NAME_) AS tname, ", ", t.TASK_DEF_KEY_") + ") a"
          + INSTANCE_SUBJECT + inScope + " GROUP BY a.tkey ORDER BY overdue DESC, gkey";
    } : switch (groupBy) {
      case CLASS -> "SELECT CAST(COALESCE(cl.id, 0) AS VARCHAR(20)) AS gkey, MAX(cl.name) AS glabel, " + SUMS
          + " FROM (" + String.format(PER_INSTANCE, "", "") + ") a" + INSTANCE_SUBJECT
          + " GROUP BY COALESCE(cl.id, 0) ORDER BY overdue DESC, gkey";
      case TEACHER -> "SELECT COALESCE(t.ASSIGNEE_, '') AS gkey, '' AS glabel, " + COUNTS
          + " FROM ACT_RU_TASK t WHERE t.DUE_DATE_ IS NOT NULL AND t.DUE_DATE_ <= :dueSoonEnd"
          + " GROUP BY COALESCE(t.ASSIGNEE_, '') ORDER BY overdue DESC, gkey";
      case OBLIGATION -> "SELECT t.TASK_DEF_KEY_ AS gkey, MAX(t.NAME_) AS glabel, " + COUNTS
          + " FROM ACT_RU_TASK t WHERE t.DUE_DATE_ IS NOT NULL AND t.DUE_DATE_ <= :dueSoonEnd"
          + " GROUP BY t.TASK_DEF_KEY_ ORDER BY overdue DESC, gkey";
    };
    List<GroupRow> rows = jdbc.query(sql, p, (rs, n) -> new GroupRow(rs.getString("gkey"),
        rs.getString("glabel") == null ? "" : rs.getString("glabel"), Counts.of(rs)));
    if (groupBy != GroupBy.TEACHER) {
      return rows;
    }
    Map<String, String> names = this.schools.teacherNames(rows.stream().map(GroupRow::key).filter(k -> !k.isEmpty()).toList());
    return rows.stream().map(r -> new GroupRow(r.key(), names.getOrDefault(r.key(), r.key()), r.counts())).toList();
  }

  /** The children with overdue or due-soon work, worst first, for the class → teacher → child view. */
  public List<ChildRow> children(int limit) {
    return children(limit, null);
  }

  public List<ChildRow> children(int limit, java.util.Set<Long> schools) {
    return cached("children:" + limit + ":" + scopeKey(schools), () -> computeChildren(limit, schools));
  }

  private List<ChildRow> computeChildren(int limit, java.util.Set<Long> schools) {
    String sql = "SELECT cl.id AS class_id, MAX(cl.name) AS class_name, a.teacher AS teacher, ch.id AS child_id,"
        + " MAX(ch.name) AS child_name, " + SUMS
        + " FROM (" + String.format(PER_INSTANCE, "COALESCE(t.ASSIGNEE_, '') AS teacher, ", ", COALESCE(t.ASSIGNEE_, '')") + ") a"
        + INSTANCE_SUBJECT + " WHERE ch.id IS NOT NULL" + (schools == null ? "" : " AND cl.school_id IN (:schools)")
        + " GROUP BY cl.id, a.teacher, ch.id ORDER BY overdue DESC, b3 DESC, class_name, child_id LIMIT :limit";
    return jdbc.query(sql, scoped(cutoffs(clock.now()).addValue("limit", limit), schools), (rs, n) -> new ChildRow(rs.getLong("class_id"),
        rs.getString("class_name"), rs.getString("teacher"), rs.getLong("child_id"), rs.getString("child_name"), Counts.of(rs)));
  }

  /** The term a figure is for: the given one, or the latest that has begun (of any school, for now). */
  public TermRef term(Long termId) {
    return term(termId, null);
  }

  /** The same among the scope's schools' terms: another school's term is unknown here. */
  public TermRef term(Long termId, java.util.Set<Long> schools) {
    String scope = schools == null ? "" : " AND school_id IN (:schools)";
    String sql = "SELECT id, name, start_date, end_date FROM cf_term "
        + (termId == null ? "WHERE start_date <= :today" + scope + " ORDER BY start_date DESC, id LIMIT 1" : "WHERE id = :id" + scope);
    List<TermRef> found = jdbc.query(sql, scoped(new MapSqlParameterSource("today", clock.today()).addValue("id", termId), schools),
        (rs, n) -> new TermRef(rs.getLong("id"), rs.getString("name"), rs.getObject("start_date", LocalDate.class),
            rs.getObject("end_date", LocalDate.class)));
    if (found.isEmpty()) {
      if (termId != null) {
        throw InvalidInputException.of("term", "oversight.term.unknown", String.valueOf(termId));
      }
      throw InvalidInputException.of("term", "oversight.term.none");
    }
    return found.get(0);
  }

  public List<TermRef> terms() {
    return terms(null);
  }

  public List<TermRef> terms(java.util.Set<Long> schools) {
    return jdbc.query("SELECT id, name, start_date, end_date FROM cf_term WHERE start_date <= :today"
        + (schools == null ? "" : " AND school_id IN (:schools)") + " ORDER BY start_date DESC, id",
        scoped(new MapSqlParameterSource("today", clock.today()), schools), (rs, n) -> new TermRef(rs.getLong("id"), rs.getString("name"),
            rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class)));
  }

  /** One case as the targets need it: when it opened, was registered, paired and closed. */
  private record CaseDates(String status, Instant opened, Instant registered, Instant paired, Instant closed, long classId) {
    /** Active in [from, to): see {@link Obligations}. */
    boolean activeIn(Instant from, Instant to) {
      return ("ACTIVE".equals(status) || "CLOSED".equals(status)) && registered != null && registered.isBefore(to)
          && (closed == null || !closed.isBefore(from));
    }

    boolean pairedBefore(Instant t) {
      return paired != null && paired.isBefore(t);
    }
  }

  /**
   * The targets of a term. The cases of the term are read once (one row each) and the periods' active
   * cases counted in memory; the records are counted per period in one grouped pass per table.
   */
  public Targets targets(Long termId) {
    return targets(termId, null);
  }

  public Targets targets(Long termId, java.util.Set<Long> schools) {
    TermRef term = term(termId, schools); // outside the cache: an unknown term is refused at once
    return cached("targets:" + term.id() + ":" + scopeKey(schools), () -> computeTargets(term, schools));
  }

  /**
   * Children whose newest risk assessment before the end of the period (the term's end, or now) is HIGH,
   * with and without an individual support plan running at that moment: {with, without}.
   */
  private long[] atRisk(MapSqlParameterSource p, java.util.Set<Long> schools) {
    return jdbc.query("""
        SELECT COALESCE(SUM(CASE WHEN pl.n > 0 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN pl.n > 0 THEN 0 ELSE 1 END), 0)
          FROM cf_risk_assessment a
          JOIN cf_case c ON c.id = a.case_id
          LEFT JOIN (SELECT s.case_id, COUNT(*) AS n FROM cf_support_plan s
                      WHERE s.opened_at <= :to AND (s.closed_at IS NULL OR s.closed_at >= :to) GROUP BY s.case_id) pl ON pl.case_id = a.case_id
         WHERE a.id IN (SELECT MAX(b.id) FROM cf_risk_assessment b WHERE b.assessed_at <= :to GROUP BY b.case_id)
           AND a.risk_level = 'HIGH' AND c.status <> 'NOT_ELIGIBLE' AND (c.closed_at IS NULL OR c.closed_at >= :to)
        """ + caseInScope("a.case_id", schools), p, rs -> {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    });
  }

  private Targets computeTargets(TermRef term, java.util.Set<Long> schools) {
    Instant now = clock.now();
    ZoneId zone = clock.zone();
    Instant from = term.start().atStartOfDay(zone).toInstant();
    Instant termEnd = term.end().plusDays(1).atStartOfDay(zone).toInstant();
    Instant to = termEnd.isBefore(now) ? termEnd : now;
    MapSqlParameterSource p = scoped(new MapSqlParameterSource("from", ts(from)).addValue("to", ts(to))
        .addValue("verifyCutoff", ts(Obligations.verifyCutoff(now))), schools);

    List<CaseDates> cases = jdbc.query("""
        SELECT c.status, c.opened_at, ch.registered_at, c.closed_at, ch.school_class_id,
               (SELECT MIN(pr.assigned_at) FROM cf_pairing pr WHERE pr.case_id = c.id) AS paired_at
          FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id
         WHERE c.status <> 'NOT_ELIGIBLE' AND c.opened_at < :to AND (c.closed_at IS NULL OR c.closed_at >= :from)
        """ + classInScope("ch.school_class_id", schools), p, (rs, n) -> new CaseDates(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
        instant(rs.getTimestamp(6)), instant(rs.getTimestamp(4)), rs.getLong(5)));
    long registered = cases.stream().filter(c -> c.registered() != null && c.registered().isBefore(to)).count();
    List<CaseDates> active = cases.stream().filter(c -> c.activeIn(from, to)).toList();
    long paired = active.stream().filter(c -> c.pairedBefore(to)).count();
    long meetingsHeld = jdbc.queryForObject(
        "SELECT COUNT(*) FROM cf_guardian_meeting WHERE held_at IS NOT NULL AND held_at >= :from AND held_at < :to"
        + classInScope("class_id", schools), p, Long.class);

    List<MonthRate> months = talkMonths(term, now, zone, cases, schools);
    long activeMonths = 0;
    long onTime = 0;
    long missedTalks = 0;
    for (MonthRate m : months) {
      activeMonths += m.activeCases();
      onTime += m.onTime();
      missedTalks += Math.max(0, m.activeCases() - m.withTalk());
    }
    Missed missed = new Missed(missedTalks, missedCheckIns(term, now, zone, cases, schools), missedMeetings(term, now, zone, schools),
        jdbc.queryForObject("SELECT COUNT(*) FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id WHERE " + Obligations.UNVERIFIED
            + classInScope("ch.school_class_id", schools), p, Long.class));
    long[] atRisk = atRisk(p, schools);
    return new Targets(term, rate(registered, cases.size()), rate(paired, active.size()), rate(onTime, activeMonths), meetingsHeld,
        atRisk[0], atRisk[1],
        cases.size(), active.size(), months, missed);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static double rate(long part, long whole) {
    return whole == 0 ? 0 : Math.round(10000.0 * part / whole) / 10000.0;
  }

  /** Per ended month of the term: active cases, those with a talk record for the month, those held within the month. */
  List<MonthRate> talkMonths(TermRef term, Instant now, ZoneId zone, List<CaseDates> cases, java.util.Set<Long> schools) {
    List<Obligations.Period> months = Obligations.months(term.start(), term.end(), zone).stream().filter(m -> m.endedBy(now)).toList();
    if (months.isEmpty()) {
      return List.of();
    }
    MapSqlParameterSource p = scoped(new MapSqlParameterSource("months", months.stream().map(Obligations.Period::label).toList()), schools);
    StringBuilder lastDay = new StringBuilder("CASE mt.talk_month");
    for (int i = 0; i < months.size(); i++) {
      lastDay.append(" WHEN :m").append(i).append(" THEN :d").append(i);
      p.addValue("m" + i, months.get(i).label()).addValue("d" + i, months.get(i).last());
    }
    lastDay.append(" END");
    Map<String, long[]> counts = new java.util.HashMap<>();
    jdbc.query("SELECT mt.talk_month, COUNT(DISTINCT mt.case_id) AS recorded,"
        + " COUNT(DISTINCT CASE WHEN mt.talk_date <= " + lastDay + " THEN mt.case_id END) AS on_time"
        + " FROM cf_monthly_talk mt WHERE mt.talk_month IN (:months)" + caseInScope("mt.case_id", schools) + " GROUP BY mt.talk_month", p,
        rs -> {
          counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
    List<MonthRate> out = new ArrayList<>();
    for (Obligations.Period m : months) {
      long activeCases = cases.stream().filter(c -> c.activeIn(m.start(), m.end())).count();
      long[] c = counts.getOrDefault(m.label(), new long[2]);
      out.add(new MonthRate(m.label(), activeCases, Math.min(c[0], activeCases), Math.min(c[1], activeCases)));
    }
    return out;
  }

  /** Case-weeks of the term (ended weeks) in which an active, paired case had no mentor check-in. */
  long missedCheckIns(TermRef term, Instant now, ZoneId zone, List<CaseDates> cases, java.util.Set<Long> schools) {
    List<Obligations.Period> weeks = Obligations.weeks(term.start(), term.end(), zone).stream().filter(w -> w.endedBy(now)).toList();
    if (weeks.isEmpty()) {
      return 0;
    }
    long required = 0;
    for (Obligations.Period w : weeks) {
      required += cases.stream().filter(c -> c.activeIn(w.start(), w.end()) && c.pairedBefore(w.start())).count();
    }
    MapSqlParameterSource p = scoped(new MapSqlParameterSource("first", weeks.get(0).first()).addValue("last", weeks.get(weeks.size() - 1).last()), schools);
    StringBuilder week = new StringBuilder("CASE");
    for (int i = 0; i < weeks.size(); i++) {
      week.append(" WHEN ci.check_in_date <= :l").append(i).append(" THEN ").append(i);
      p.addValue("l" + i, weeks.get(i).last());
    }
    week.append(" END");
    Long held = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT DISTINCT ci.case_id, " + week + " AS w FROM cf_mentor_check_in ci"
        + " WHERE ci.first_meeting = FALSE AND ci.check_in_date BETWEEN :first AND :last" + caseInScope("ci.case_id", schools) + ") x", p, Long.class);
    return Math.max(0, required - (held == null ? 0 : held));
  }

  /** Classes that had active cases in an ended term and held no guardian meeting in it. */
  long missedMeetings(TermRef term, Instant now, ZoneId zone, java.util.Set<Long> schools) {
    Instant from = term.start().atStartOfDay(zone).toInstant();
    Instant end = term.end().plusDays(1).atStartOfDay(zone).toInstant();
    if (end.isAfter(now)) {
      return 0;
    }
    return Optional.ofNullable(jdbc.queryForObject("SELECT COUNT(DISTINCT ch.school_class_id) FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id"
        + " WHERE " + Obligations.activeCase(":from", ":end") + classInScope("ch.school_class_id", schools)
        + " AND NOT EXISTS (SELECT 1 FROM cf_guardian_meeting gm WHERE gm.class_id = ch.school_class_id AND gm.held_at IS NOT NULL"
        + " AND gm.held_at >= :from AND gm.held_at < :end)",
        scoped(new MapSqlParameterSource("from", ts(from)).addValue("end", ts(end)), schools), Long.class)).orElse(0L);
  }

  /** Each teacher's overdue and due-soon tasks by obligation (task key), for the digest e-mails. */
  public Map<String, List<GroupRow>> byAssigneeAndObligation() {
    String sql = "SELECT t.ASSIGNEE_ AS assignee, t.TASK_DEF_KEY_ AS gkey, MAX(t.NAME_) AS glabel, " + COUNTS
        + " FROM ACT_RU_TASK t WHERE t.DUE_DATE_ IS NOT NULL AND t.DUE_DATE_ <= :dueSoonEnd AND t.ASSIGNEE_ IS NOT NULL GROUP BY t.ASSIGNEE_, t.TASK_DEF_KEY_ ORDER BY t.ASSIGNEE_, overdue DESC";
    Map<String, List<GroupRow>> out = new java.util.TreeMap<>();
    jdbc.query(sql, cutoffs(clock.now()), rs -> {
      out.computeIfAbsent(rs.getString("assignee"), k -> new ArrayList<>())
          .add(new GroupRow(rs.getString("gkey"), rs.getString("glabel"), Counts.of(rs)));
    });
    return out;
  }
}
