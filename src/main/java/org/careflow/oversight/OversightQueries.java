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
import org.careflow.shared.EngineTables;
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
 * <p>Scope: all schools for now. Scoping the figures to one school or township is issue 6, with the
 * scoped access to pages.
 */
@Service
@Transactional(readOnly = true)
public class OversightQueries {

  public enum GroupBy {
    SCHOOL, CLASS, TEACHER, OBLIGATION;

    /** "school", "class", "teacher" or "obligation"; anything else is a clear 400. */
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

  private final org.careflow.school.TermCalendar termCalendar;

  OversightQueries(NamedParameterJdbcTemplate jdbc, CareClock clock, SchoolDirectory schools, org.careflow.school.TermCalendar termCalendar,
      @org.springframework.beans.factory.annotation.Value("${careflow.oversight.cache-seconds:60}") int cacheSeconds) {
    this.termCalendar = termCalendar;
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
    return openEscalations(limit, Scope.ALL);
  }

  public List<OpenEscalation> openEscalations(int limit, Scope scope) {
    return cached("escalations:" + limit + ":" + scope.key(), () -> computeOpenEscalations(limit, scope));
  }

  private List<OpenEscalation> computeOpenEscalations(int limit, Scope scope) {
    MapSqlParameterSource p = new MapSqlParameterSource("limit", limit);
    String inScope = scope.where("cl.school_id", "cl.id", p);
    String sql = "SELECT r.task_name, r.assignee, ch.id AS child_id, ch.name AS child_name, cl.name AS class_name, r.due_date, r.recorded_at"
        + " FROM cf_reminder r"
        + EngineTables.openTaskAndProcess("r.task_id", "r.case_id IS NULL")
        + " LEFT JOIN cf_case c ON c.id = r.case_id"
        + " LEFT JOIN cf_child ch ON ch.id = c.child_id"
        + " LEFT JOIN cf_guardian_meeting gm ON gm.id = CASE WHEN " + EngineTables.T_DEFINITION + " LIKE 'guardian-meeting:%'"
        + " THEN CAST(" + EngineTables.PI_BUSINESS_KEY + " AS BIGINT) END"
        + " LEFT JOIN cf_class cl ON cl.id = COALESCE(ch.school_class_id, gm.class_id)"
        + " WHERE r.kind = 'ESCALATION'" + inScope
        + " ORDER BY r.due_date, r.id LIMIT :limit";
    return jdbc.query(sql, p, (rs, n) -> new OpenEscalation(rs.getString("task_name"), rs.getString("assignee"),
        (Long) rs.getObject("child_id", Long.class), rs.getString("child_name"), rs.getString("class_name"),
        rs.getTimestamp("due_date").toInstant(), rs.getTimestamp("recorded_at").toInstant()));
  }

  /** The schools' time zone (dates in the exports). */
  public ZoneId zone() {
    return clock.zone();
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

  /**
   * The overdue figures of one scope, every grouping from one read of the summary of open work
   * ({@code cf_dash_open_work}, kept by {@link OpenWork}): its rows are counts per class, assignee, task
   * and due instant, so each is classified once by {@link Deadlines} and added to its school, class,
   * teacher and obligation.
   */
  public record OverdueFigures(List<GroupRow> bySchool, List<GroupRow> byClass, List<GroupRow> byTeacher, List<GroupRow> byObligation,
      Counts total) {
    public List<GroupRow> get(GroupBy g) {
      return switch (g) {
        case SCHOOL -> bySchool;
        case CLASS -> byClass;
        case TEACHER -> byTeacher;
        case OBLIGATION -> byObligation;
      };
    }
  }

  /** Overdue and due-soon work grouped by school, class, the teacher it waits for, or obligation (task key); all schools. */
  public List<GroupRow> overdue(GroupBy groupBy) {
    return overdue(groupBy, Scope.ALL);
  }

  public List<GroupRow> overdue(GroupBy groupBy, Scope scope) {
    return figures(scope).get(groupBy);
  }

  public OverdueFigures figures(Scope scope) {
    return cached("figures:" + scope.key(), () -> computeFigures(scope));
  }

  /** Sums per group key, in the order rows are added; labels filled in afterwards. */
  private static final class Sums {
    final Map<String, long[]> byKey = new java.util.LinkedHashMap<>();
    final Map<String, String> labels = new java.util.HashMap<>();

    void add(String key, String label, int state, long n) {
      long[] v = byKey.computeIfAbsent(key, k -> new long[5]);
      v[state] += n;
      if (state >= 2) {
        v[0] += n;
      }
      if (label != null) {
        labels.putIfAbsent(key, label);
      }
    }

    List<GroupRow> rows(Map<String, String> names) {
      return byKey.entrySet().stream()
          .map(e -> new GroupRow(e.getKey(), names.getOrDefault(e.getKey(), labels.getOrDefault(e.getKey(), "")),
              new Counts(e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4])))
          .sorted(java.util.Comparator.comparingLong((GroupRow r) -> -r.counts().overdue()).thenComparing(GroupRow::key))
          .toList();
    }
  }

  /** Where a due date counts, by {@link Deadlines}: 1 due soon, 2-4 overdue 1-7, 8-30, more than 30 days (rows are due by dueSoonEnd). */
  private static int slot(Timestamp due, Instant now) {
    Deadlines.AgeBucket bucket = Deadlines.bucketOf(due, now);
    if (bucket == null) {
      return 1;
    }
    return switch (bucket) {
      case DAYS_1_7 -> 2;
      case DAYS_8_30 -> 3;
      case OVER_30 -> 4;
    };
  }

  private OverdueFigures computeFigures(Scope scope) {
    Instant now = clock.now();
    MapSqlParameterSource p = cutoffs(now);
    Sums schoolSums = new Sums();
    Sums classSums = new Sums();
    Sums teacherSums = new Sums();
    Sums obligationSums = new Sums();
    long[] total = new long[5];
    jdbc.query("SELECT w.school_id, w.class_id, w.assignee, w.task_key, w.task_name, w.due_date, w.tasks FROM cf_dash_open_work w"
        + " WHERE w.due_date <= :dueSoonEnd AND w.tasks > 0" + scope.where("w.school_id", "w.class_id", p), p, rs -> {
          int slot = slot(rs.getTimestamp(6), now);
          long n = rs.getLong(7);
          schoolSums.add(String.valueOf(rs.getLong(1)), null, slot, n);
          classSums.add(String.valueOf(rs.getLong(2)), null, slot, n);
          teacherSums.add(rs.getString(3), null, slot, n);
          obligationSums.add(rs.getString(4), rs.getString(5), slot, n);
          total[slot] += n;
          if (slot >= 2) {
            total[0] += n;
          }
        });
    Map<String, String> classNames = new java.util.HashMap<>();
    Map<String, String> schoolNames = new java.util.HashMap<>();
    List<Long> classIds = classSums.byKey.keySet().stream().map(Long::valueOf).filter(id -> id != 0).toList();
    if (!classIds.isEmpty()) {
      schools.classNames(classIds).forEach((id, name) -> classNames.put(String.valueOf(id), name));
    }
    List<Long> schoolIds = schoolSums.byKey.keySet().stream().map(Long::valueOf).filter(id -> id != 0).toList();
    if (!schoolIds.isEmpty()) {
      schools.schoolNames(schoolIds).forEach((id, name) -> schoolNames.put(String.valueOf(id), name));
    }
    Map<String, String> teachers = new java.util.HashMap<>();
    List<String> usernames = teacherSums.byKey.keySet().stream().filter(k -> !k.isEmpty()).toList();
    if (!usernames.isEmpty()) { // names in one query: a district has over a thousand teachers
      teachers.putAll(schools.teacherNames(usernames));
    }
    return new OverdueFigures(schoolSums.rows(schoolNames), classSums.rows(classNames), teacherSums.rows(teachers),
        obligationSums.rows(Map.of()), new Counts(total[0], total[1], total[2], total[3], total[4]));
  }

  /** Which cases a count stands for: the open tasks of one class, teacher or obligation, optionally of one age bucket. */
  public record CaseFilter(Long schoolId, Long classId, String teacher, String obligation, String bucket) {
    static final List<String> BUCKETS = List.of("overdue", "dueSoon", "1-7", "8-30", ">30");

    public CaseFilter {
      if (bucket != null && !bucket.isBlank() && !BUCKETS.contains(bucket)) {
        throw InvalidInputException.of("bucket", "oversight.bucket.invalid", bucket);
      }
      if (schoolId == null && classId == null && (teacher == null || teacher.isBlank()) && (obligation == null || obligation.isBlank())) {
        throw InvalidInputException.of("class", "oversight.cases.filter");
      }
    }
  }

  /**
   * The children behind a count (click-through from the dashboard): their open overdue or due-soon tasks
   * matching the filter, grouped per child and teacher, worst first. Reads the task summary through its
   * index on class, teacher or task.
   */
  public List<ChildRow> cases(CaseFilter f, Scope scope, int limit) {
    Instant now = clock.now();
    MapSqlParameterSource p = cutoffs(now).addValue("limit", limit);
    StringBuilder where = new StringBuilder(" WHERE d.due_date <= :dueSoonEnd AND d.child_id IS NOT NULL");
    if (f.schoolId() != null) {
      where.append(" AND d.school_id = :schoolId");
      p.addValue("schoolId", f.schoolId());
    }
    if (f.classId() != null) {
      where.append(" AND d.class_id = :classId");
      p.addValue("classId", f.classId());
    }
    if (f.teacher() != null && !f.teacher().isBlank()) {
      where.append(" AND d.assignee = :teacher");
      p.addValue("teacher", f.teacher().equals("-") ? "" : f.teacher());
    }
    if (f.obligation() != null && !f.obligation().isBlank()) {
      where.append(" AND d.task_key = :obligation");
      p.addValue("obligation", f.obligation());
    }
    if (f.bucket() != null && !f.bucket().isBlank()) {
      where.append(switch (f.bucket()) {
        case "overdue" -> " AND d.due_date < :now";
        case "dueSoon" -> " AND d.due_date >= :now";
        case "1-7" -> " AND d.due_date < :now AND d.due_date >= :late7";
        case "8-30" -> " AND d.due_date < :late7 AND d.due_date >= :late30";
        default -> " AND d.due_date < :late30";
      });
    }
    where.append(scope.where("d.school_id", "d.class_id", p));
    String sql = "SELECT d.class_id, MAX(cl.name) AS class_name, d.assignee AS teacher, d.child_id, MAX(ch.name) AS child_name,"
        + " SUM(CASE WHEN d.due_date < :now THEN 1 ELSE 0 END) AS overdue, SUM(CASE WHEN d.due_date >= :now THEN 1 ELSE 0 END) AS due_soon,"
        + " SUM(CASE WHEN d.due_date < :now AND d.due_date >= :late7 THEN 1 ELSE 0 END) AS b1,"
        + " SUM(CASE WHEN d.due_date < :late7 AND d.due_date >= :late30 THEN 1 ELSE 0 END) AS b2,"
        + " SUM(CASE WHEN d.due_date < :late30 THEN 1 ELSE 0 END) AS b3"
        + " FROM cf_dash_task d JOIN cf_child ch ON ch.id = d.child_id LEFT JOIN cf_class cl ON cl.id = d.class_id" + where
        + " GROUP BY d.class_id, d.assignee, d.child_id ORDER BY overdue DESC, b3 DESC, class_name, d.child_id LIMIT :limit";
    return jdbc.query(sql, p, (rs, n) -> new ChildRow(rs.getLong("class_id"), rs.getString("class_name"), rs.getString("teacher"),
        rs.getLong("child_id"), rs.getString("child_name"), Counts.of(rs)));
  }

  /** The term a figure is for: the given one, or the latest that has begun, among all schools' terms. */
  public TermRef term(Long termId) {
    return term(termId, Scope.ALL);
  }

  /** The same among the scope's schools' terms: another school's term is unknown here. */
  public TermRef term(Long termId, Scope scope) {
    MapSqlParameterSource p = new MapSqlParameterSource("today", clock.today()).addValue("id", termId);
    String inScope = scope.schoolIds() == null ? "" : scope.where("school_id", "-1", p);
    String sql = "SELECT id, name, start_date, end_date FROM cf_term "
        + (termId == null ? "WHERE start_date <= :today" + inScope + " ORDER BY start_date DESC, id LIMIT 1" : "WHERE id = :id" + inScope);
    List<TermRef> found = jdbc.query(sql, p,
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
    return terms(Scope.ALL);
  }

  public List<TermRef> terms(Scope scope) {
    MapSqlParameterSource p = new MapSqlParameterSource("today", clock.today());
    String inScope = scope.schoolIds() == null ? "" : scope.where("school_id", "-1", p);
    return jdbc.query("SELECT id, name, start_date, end_date FROM cf_term WHERE start_date <= :today" + inScope + " ORDER BY start_date DESC, id",
        p, (rs, n) -> new TermRef(rs.getLong("id"), rs.getString("name"),
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
   * The targets of a term, all schools. The term's cases are read once from the case summary
   * ({@code cf_dash_case}, one narrow row each, kept by {@link OpenWork}) and the periods' active cases
   * counted in memory; the records come from the per class and period counts ({@code cf_dash_period}).
   */
  public Targets targets(Long termId) {
    return targets(termId, Scope.ALL);
  }

  public Targets targets(Long termId, Scope scope) {
    TermRef term = term(termId, scope); // outside the cache: an unknown term is refused at once
    return cached("targets:" + term.id() + ":" + scope.key(), () -> computeTargets(term, scope));
  }

  /**
   * Children whose newest risk assessment before the end of the period (the term's end, or now) is HIGH,
   * with and without an individual support plan running at that moment: {with, without}.
   */
  private long[] atRisk(MapSqlParameterSource p, Scope scope) {
    String inScope = scope.all() ? "" : " AND a.case_id IN (SELECT d.case_id FROM cf_dash_case d WHERE 1 = 1" + scope.where("d.school_id", "d.class_id", p) + ")";
    return jdbc.query("""
        SELECT COALESCE(SUM(CASE WHEN pl.n > 0 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN pl.n > 0 THEN 0 ELSE 1 END), 0)
          FROM cf_risk_assessment a
          JOIN cf_case c ON c.id = a.case_id
          LEFT JOIN (SELECT s.case_id, COUNT(*) AS n FROM cf_support_plan s
                      WHERE s.opened_at <= :to AND (s.closed_at IS NULL OR s.closed_at >= :to) GROUP BY s.case_id) pl ON pl.case_id = a.case_id
         WHERE a.id IN (SELECT MAX(b.id) FROM cf_risk_assessment b WHERE b.assessed_at <= :to GROUP BY b.case_id)
           AND a.risk_level = 'HIGH' AND c.status <> 'NOT_ELIGIBLE' AND (c.closed_at IS NULL OR c.closed_at >= :to)
        """ + inScope, p, rs -> {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    });
  }

  private Targets computeTargets(TermRef term, Scope scope) {
    Instant now = clock.now();
    ZoneId zone = clock.zone();
    Instant from = term.start().atStartOfDay(zone).toInstant();
    Instant termEnd = term.end().plusDays(1).atStartOfDay(zone).toInstant();
    Instant to = termEnd.isBefore(now) ? termEnd : now;
    MapSqlParameterSource p = new MapSqlParameterSource("from", ts(from)).addValue("to", ts(to))
        .addValue("verifyCutoff", ts(Obligations.verifyCutoff(now)));

    List<CaseDates> cases = jdbc.query("SELECT d.status, d.opened_at, d.registered_at, d.closed_at, d.class_id, d.paired_at FROM cf_dash_case d"
        + " WHERE d.status <> 'NOT_ELIGIBLE' AND d.opened_at < :to AND (d.closed_at IS NULL OR d.closed_at >= :from)"
        + scope.where("d.school_id", "d.class_id", p), p, (rs, n) -> new CaseDates(rs.getString(1), instant(rs.getTimestamp(2)),
        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(4)), rs.getLong(5)));
    long registered = cases.stream().filter(c -> c.registered() != null && c.registered().isBefore(to)).count();
    List<CaseDates> active = cases.stream().filter(c -> c.activeIn(from, to)).toList();
    long paired = active.stream().filter(c -> c.pairedBefore(to)).count();
    long meetingsHeld = jdbc.queryForObject("SELECT COUNT(*) FROM cf_guardian_meeting gm WHERE gm.held_at IS NOT NULL AND gm.held_at >= :from"
        + " AND gm.held_at < :to" + scope.whereClass("gm.class_id", p), p, Long.class);

    List<MonthRate> months = talkMonths(term, now, zone, cases, scope);
    long activeMonths = 0;
    long onTime = 0;
    long missedTalks = 0;
    for (MonthRate m : months) {
      activeMonths += m.activeCases();
      onTime += m.onTime();
      missedTalks += Math.max(0, m.activeCases() - m.withTalk());
    }
    Missed missed = new Missed(missedTalks, missedCheckIns(term, now, zone, cases, scope), missedMeetings(term, now, zone, scope),
        jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_case d WHERE " + Obligations.UNVERIFIED_SUMMARY
            + scope.where("d.school_id", "d.class_id", p), p, Long.class));
    long[] atRisk = atRisk(p, scope);
    return new Targets(term, rate(registered, cases.size()), rate(paired, active.size()), rate(onTime, activeMonths), meetingsHeld,
        atRisk[0], atRisk[1], cases.size(), active.size(), months, missed);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static double rate(long part, long whole) {
    return whole == 0 ? 0 : Math.round(10000.0 * part / whole) / 10000.0;
  }

  /** Per ended month of the term: active cases, those with a talk record for the month, those held within the month. */
  List<MonthRate> talkMonths(TermRef term, Instant now, ZoneId zone, List<CaseDates> cases, Scope scope) {
    List<Obligations.Period> months = Obligations.months(term.start(), term.end(), zone, holidaysOf(term)).stream().filter(m -> m.endedBy(now)).toList();
    if (months.isEmpty()) {
      return List.of();
    }
    MapSqlParameterSource p = new MapSqlParameterSource("months", months.stream().map(Obligations.Period::label).toList());
    Map<String, long[]> counts = new java.util.HashMap<>();
    jdbc.query("SELECT w.period, SUM(w.with_record), SUM(w.on_time) FROM cf_dash_period w WHERE w.kind = 'TALK' AND w.period IN (:months)"
        + scope.where("w.school_id", "w.class_id", p) + " GROUP BY w.period", p,
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

  /** The holidays of the term's school: their months and weeks ask for no talk or check-in (Obligations). */
  private List<org.careflow.school.Holiday> holidaysOf(TermRef term) {
    return termCalendar.holidays(termCalendar.term(term.id()).getSchool().getId());
  }

  /** Case-weeks of the term (ended weeks) in which an active, paired case had no mentor check-in. */
  long missedCheckIns(TermRef term, Instant now, ZoneId zone, List<CaseDates> cases, Scope scope) {
    List<Obligations.Period> weeks = Obligations.weeks(term.start(), term.end(), zone, holidaysOf(term)).stream().filter(w -> w.endedBy(now)).toList();
    if (weeks.isEmpty()) {
      return 0;
    }
    long required = 0;
    for (Obligations.Period w : weeks) {
      required += cases.stream().filter(c -> c.activeIn(w.start(), w.end()) && c.pairedBefore(w.start())).count();
    }
    MapSqlParameterSource p = new MapSqlParameterSource("weeks", weeks.stream().map(Obligations.Period::label).toList());
    Long held = jdbc.queryForObject("SELECT COALESCE(SUM(w.with_record), 0) FROM cf_dash_period w WHERE w.kind = 'CHECK_IN' AND w.period IN (:weeks)"
        + scope.where("w.school_id", "w.class_id", p), p, Long.class);
    return Math.max(0, required - (held == null ? 0 : held));
  }

  /** Classes that had active cases in an ended term and held no guardian meeting in it. */
  long missedMeetings(TermRef term, Instant now, ZoneId zone, Scope scope) {
    Instant from = term.start().atStartOfDay(zone).toInstant();
    Instant end = term.end().plusDays(1).atStartOfDay(zone).toInstant();
    if (end.isAfter(now)) {
      return 0;
    }
    MapSqlParameterSource p = new MapSqlParameterSource("from", ts(from)).addValue("end", ts(end));
    return Optional.ofNullable(jdbc.queryForObject("SELECT COUNT(DISTINCT d.class_id) FROM cf_dash_case d"
        + " WHERE " + Obligations.activeCase(":from", ":end", "d") + scope.where("d.school_id", "d.class_id", p)
        + " AND NOT EXISTS (SELECT 1 FROM cf_guardian_meeting gm WHERE gm.class_id = d.class_id AND gm.held_at IS NOT NULL"
        + " AND gm.held_at >= :from AND gm.held_at < :end)", p, Long.class)).orElse(0L);
  }

  /** Each teacher's overdue and due-soon tasks by obligation (task key), for the digest e-mails. */
  public Map<String, List<GroupRow>> byAssigneeAndObligation() {
    Instant now = clock.now();
    Map<String, Sums> sums = new java.util.TreeMap<>();
    jdbc.query("SELECT w.assignee, w.task_key, w.task_name, w.due_date, w.tasks FROM cf_dash_open_work w"
        + " WHERE w.due_date <= :dueSoonEnd AND w.tasks > 0 AND w.assignee <> ''", cutoffs(now), rs -> {
          int slot = slot(rs.getTimestamp(4), now);
          sums.computeIfAbsent(rs.getString(1), k -> new Sums()).add(rs.getString(2), rs.getString(3), slot, rs.getLong(5));
        });
    Map<String, List<GroupRow>> out = new java.util.TreeMap<>();
    sums.forEach((assignee, s) -> out.put(assignee, s.rows(Map.of())));
    return out;
  }

  /** 入学率 and 巩固率 of a term (issue 18): fractions between 0 and 1, like the other targets. */
  public record Retention(long children, long droppedOut, long droppedEarlierNotBack) {
    /** The term's children in care over them and the children who dropped out earlier and have not come back. */
    public double enrolmentRate() {
      return children + droppedEarlierNotBack == 0 ? 1 : rate(children, children + droppedEarlierNotBack);
    }

    /** The term's children in care who did not drop out of school (辍学) within it. */
    public double retentionRate() {
      return children == 0 ? 1 : rate(children - droppedOut, children);
    }
  }

  /** The term's retention: the cases of {@link #targets} and those closed as dropped out (cf_case.close_reason). */
  public Retention retention(TermRef term, Scope scope) {
    ZoneId zone = clock.zone();
    Instant from = term.start().atStartOfDay(zone).toInstant();
    Instant termEnd = term.end().plusDays(1).atStartOfDay(zone).toInstant();
    Instant to = termEnd.isBefore(clock.now()) ? termEnd : clock.now();
    MapSqlParameterSource p = new MapSqlParameterSource("from", ts(from)).addValue("to", ts(to));
    String inScope = scope.where("d.school_id", "d.class_id", p);
    long children = jdbc.queryForObject("SELECT COUNT(DISTINCT d.child_id) FROM cf_dash_case d WHERE d.status <> 'NOT_ELIGIBLE'"
        + " AND d.opened_at < :to AND (d.closed_at IS NULL OR d.closed_at >= :from)" + inScope, p, Long.class);
    long dropped = jdbc.queryForObject("SELECT COUNT(DISTINCT d.child_id) FROM cf_dash_case d JOIN cf_case c ON c.id = d.case_id"
        + " WHERE c.close_reason = 'DROPPED_OUT' AND c.closed_at >= :from AND c.closed_at < :to" + inScope, p, Long.class);
    long notBack = jdbc.queryForObject("SELECT COUNT(DISTINCT d.child_id) FROM cf_dash_case d JOIN cf_case c ON c.id = d.case_id"
        + " WHERE c.close_reason = 'DROPPED_OUT' AND c.closed_at < :from AND NOT EXISTS (SELECT 1 FROM cf_dash_case o"
        + " WHERE o.child_id = d.child_id AND o.status <> 'NOT_ELIGIBLE' AND o.opened_at < :to AND (o.closed_at IS NULL OR o.closed_at >= :from))"
        + inScope, p, Long.class);
    return new Retention(children, Math.min(dropped, children), notBack);
  }
}
