package org.careflow.oversight;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.careflow.oversight.OversightQueries.Counts;
import org.careflow.oversight.OversightQueries.GroupRow;
import org.careflow.oversight.OversightQueries.OpenEscalation;
import org.careflow.oversight.OversightQueries.OverdueFigures;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.careflow.shared.Deadlines;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures of open work: overdue and due soon per school, class, teacher and obligation
 * (from the summary {@code cf_dash_open_work}, kept by {@link OpenWork}), each teacher's for the digest, and
 * the escalations still open. Cached per scope for {@code careflow.oversight.cache-seconds}
 * ({@link OversightCaches}).
 */
@org.springframework.cache.annotation.CacheConfig(cacheManager = "oversightCacheManager")
@Service
@Transactional(readOnly = true)
class OverdueQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final CareClock clock;
  private final SchoolDirectory schools;
  private final org.careflow.child.ChildArchive children;

  OverdueQueries(NamedParameterJdbcTemplate jdbc, CareClock clock, SchoolDirectory schools, org.careflow.child.ChildArchive children) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.schools = schools;
    this.children = children;
  }

  @Cacheable(OversightCaches.ESCALATIONS)
  public List<OpenEscalation> openEscalations(int limit, Scope scope) {
    return computeOpenEscalations(limit, scope);
  }

  /**
   * The escalations whose task is still open: the open task's row in the task summary (cf_dash_task, kept by
   * {@link OpenWork}) gives its child, class and school, as the figures place it; the names come from their
   * owners for the rows found.
   */
  private List<OpenEscalation> computeOpenEscalations(int limit, Scope scope) {
    MapSqlParameterSource p = new MapSqlParameterSource("limit", limit);
    String inScope = scope.where("d.school_id", "d.class_id", p);
    String sql = "SELECT r.task_name, r.assignee, d.child_id, d.class_id, r.due_date, r.recorded_at"
        + " FROM cf_reminder r JOIN cf_dash_task d ON d.task_id = r.task_id"
        + " WHERE r.kind = 'ESCALATION'" + inScope
        + " ORDER BY r.due_date, r.id LIMIT :limit";
    record Found(String taskName, String assignee, Long childId, long classId, Instant due, Instant recorded) {}
    List<Found> found = jdbc.query(sql, p, (rs, n) -> new Found(rs.getString("task_name"), rs.getString("assignee"),
        (Long) rs.getObject("child_id", Long.class), rs.getLong("class_id"), rs.getTimestamp("due_date").toInstant(),
        rs.getTimestamp("recorded_at").toInstant()));
    List<Long> classIds = found.stream().map(Found::classId).filter(id -> id != 0).distinct().toList();
    List<Long> childIds = found.stream().map(Found::childId).filter(java.util.Objects::nonNull).distinct().toList();
    Map<Long, String> classNames = classIds.isEmpty() ? Map.of() : schools.classNames(classIds);
    Map<Long, String> childNames = childIds.isEmpty() ? Map.of() : children.names(childIds);
    return found.stream().map(f -> new OpenEscalation(f.taskName(), f.assignee(), f.childId(), f.childId() == null ? null : childNames.get(f.childId()),
        classNames.get(f.classId()), f.due(), f.recorded())).toList();
  }

  static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }

  static MapSqlParameterSource cutoffs(Instant now) {
    Deadlines.Cutoffs c = Deadlines.cutoffs(now);
    return new MapSqlParameterSource()
        .addValue("now", ts(c.now())).addValue("dueSoonEnd", ts(c.dueSoonEnd()))
        .addValue("late7", ts(c.late7())).addValue("late30", ts(c.late30()));
  }

  /** Every grouping of one scope's overdue figures, from one read of the summary of open work. */
  @Cacheable(OversightCaches.FIGURES)
  public OverdueFigures figures(Scope scope) {
    return computeFigures(scope);
  }

  /** Sums per group key, in the order rows are added; labels filled in afterwards. */
  static final class Sums {
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
  static int slot(Timestamp due, Instant now) {
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
}
