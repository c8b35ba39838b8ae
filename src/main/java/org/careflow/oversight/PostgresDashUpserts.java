package org.careflow.oversight;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard summary's upserts on PostgreSQL: {@code INSERT … ON CONFLICT … DO UPDATE}. */
final class PostgresDashUpserts implements DashUpserts {

  private final JdbcTemplate jdbc;

  PostgresDashUpserts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void upsertCase(org.careflow.child.CaseFactsChanged f) {
    jdbc.update("INSERT INTO cf_dash_case (" + CASE_COLUMNS + ") VALUES (" + CASE_VALUES + ") ON CONFLICT (case_id) DO UPDATE SET"
        + " child_id = EXCLUDED.child_id, class_id = EXCLUDED.class_id, school_id = EXCLUDED.school_id, status = EXCLUDED.status, opened_at = EXCLUDED.opened_at,"
        + " registered_at = EXCLUDED.registered_at, paired_at = EXCLUDED.paired_at, closed_at = EXCLUDED.closed_at, verified = EXCLUDED.verified,"
        + " close_reason = EXCLUDED.close_reason",
        DashUpserts.caseValues(f));
  }

  @Override
  public void addPeriod(long classId, long schoolId, String kind, String period, long records, long onTime) {
    jdbc.update("INSERT INTO cf_dash_period (class_id, school_id, kind, period, with_record, on_time) VALUES (?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (class_id, kind, period) DO UPDATE SET with_record = cf_dash_period.with_record + EXCLUDED.with_record,"
        + " on_time = cf_dash_period.on_time + EXCLUDED.on_time", classId, schoolId, kind, period, records, onTime);
  }

  @Override
  public void addOpenWork(List<Object[]> rows) {
    jdbc.batchUpdate("INSERT INTO cf_dash_open_work (class_id, school_id, assignee, task_key, due_date, task_name, tasks) VALUES (?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (class_id, assignee, task_key, due_date) DO UPDATE SET tasks = cf_dash_open_work.tasks + EXCLUDED.tasks", rows);
  }
}
