package org.careflow.oversight;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.careflow.child.ChildArchive;
import org.careflow.oversight.OversightQueries.CaseFilter;
import org.careflow.oversight.OversightQueries.ChildRow;
import org.careflow.oversight.OversightQueries.Counts;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dashboard's drill-down: the children behind a count, never cached (a click asks for the current state). */
@Service
@Transactional(readOnly = true)
class DrillDownQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final CareClock clock;
  private final SchoolDirectory schools;
  private final ChildArchive children;

  DrillDownQueries(NamedParameterJdbcTemplate jdbc, CareClock clock, SchoolDirectory schools, ChildArchive children) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.schools = schools;
    this.children = children;
  }

  /**
   * The children behind a count (click-through from the dashboard): their open overdue or due-soon tasks
   * matching the filter, grouped per child and teacher, worst first. Reads the task summary through its
   * index on class, teacher or task; the children's and classes' names come from their owners
   * ({@link ChildArchive#names}, {@link SchoolDirectory#classNames}) for the page found (rows tied on their
   * counts are cut at the limit by class id, then shown by class name).
   */
  public List<ChildRow> cases(CaseFilter f, Scope scope, int limit) {
    Instant now = clock.now();
    MapSqlParameterSource p = OverdueQueries.cutoffs(now).addValue("limit", limit);
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
    String sql = "SELECT d.class_id, d.assignee AS teacher, d.child_id,"
        + " SUM(CASE WHEN d.due_date < :now THEN 1 ELSE 0 END) AS overdue, SUM(CASE WHEN d.due_date >= :now THEN 1 ELSE 0 END) AS due_soon,"
        + " SUM(CASE WHEN d.due_date < :now AND d.due_date >= :late7 THEN 1 ELSE 0 END) AS b1,"
        + " SUM(CASE WHEN d.due_date < :late7 AND d.due_date >= :late30 THEN 1 ELSE 0 END) AS b2,"
        + " SUM(CASE WHEN d.due_date < :late30 THEN 1 ELSE 0 END) AS b3"
        + " FROM cf_dash_task d" + where
        + " GROUP BY d.class_id, d.assignee, d.child_id ORDER BY overdue DESC, b3 DESC, d.class_id, d.child_id LIMIT :limit";
    record Found(long classId, String teacher, long childId, Counts counts) {}
    List<Found> found = jdbc.query(sql, p, (rs, n) -> new Found(rs.getLong("class_id"), rs.getString("teacher"), rs.getLong("child_id"), Counts.of(rs)));
    // the names from their owners, for the rows found (a page of them, not the archive)
    Map<Long, String> classNames = found.isEmpty() ? Map.of() : schools.classNames(found.stream().map(Found::classId).distinct().toList());
    Map<Long, String> childNames = found.isEmpty() ? Map.of() : children.names(found.stream().map(Found::childId).distinct().toList());
    return found.stream()
        .map(r -> new ChildRow(r.classId(), classNames.get(r.classId()), r.teacher(), r.childId(), childNames.get(r.childId()), r.counts()))
        .filter(r -> r.childName() != null) // a child no longer there
        .sorted(java.util.Comparator.comparingLong((ChildRow r) -> -r.counts().overdue()).thenComparingLong(r -> -r.counts().over30())
            .thenComparing(r -> r.className() == null ? "" : r.className()).thenComparingLong(ChildRow::childId))
        .toList();
  }
}
