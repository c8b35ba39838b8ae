package org.careflow.oversight;

import java.time.Instant;
import java.util.List;
import org.careflow.oversight.OversightQueries.CaseFilter;
import org.careflow.oversight.OversightQueries.ChildRow;
import org.careflow.oversight.OversightQueries.Counts;
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

  DrillDownQueries(NamedParameterJdbcTemplate jdbc, CareClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The children behind a count (click-through from the dashboard): their open overdue or due-soon tasks
   * matching the filter, grouped per child and teacher, worst first. Reads the task summary through its
   * index on class, teacher or task.
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
}
