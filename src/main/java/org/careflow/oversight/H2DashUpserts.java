package org.careflow.oversight;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard summary's upserts on H2 (the embedded default): {@code MERGE}. */
final class H2DashUpserts implements DashUpserts {

  private final JdbcTemplate jdbc;

  H2DashUpserts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void upsertCase(org.careflow.child.CaseFactsChanged f) {
    jdbc.update("MERGE INTO cf_dash_case (" + CASE_COLUMNS + ") KEY (case_id) VALUES (" + CASE_VALUES + ")", DashUpserts.caseValues(f));
  }

  @Override
  public void addPeriod(long classId, long schoolId, String kind, String period, long records, long onTime) {
    jdbc.update("MERGE INTO cf_dash_period w USING (VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(10)), CAST(? AS VARCHAR(10)),"
        + " CAST(? AS BIGINT), CAST(? AS BIGINT))) s(class_id, school_id, kind, period, with_record, on_time)"
        + " ON w.class_id = s.class_id AND w.kind = s.kind AND w.period = s.period"
        + " WHEN MATCHED THEN UPDATE SET with_record = w.with_record + s.with_record, on_time = w.on_time + s.on_time"
        + " WHEN NOT MATCHED THEN INSERT (class_id, school_id, kind, period, with_record, on_time)"
        + " VALUES (s.class_id, s.school_id, s.kind, s.period, s.with_record, s.on_time)", classId, schoolId, kind, period, records, onTime);
  }

  @Override
  public void addOpenWork(List<Object[]> rows) {
    jdbc.batchUpdate("MERGE INTO cf_dash_open_work w USING (VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)),"
        + " CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS VARCHAR(255)), CAST(? AS BIGINT))) s(class_id, school_id, assignee, task_key, due_date, task_name, tasks)"
        + " ON w.class_id = s.class_id AND w.assignee = s.assignee AND w.task_key = s.task_key AND w.due_date = s.due_date"
        + " WHEN MATCHED THEN UPDATE SET tasks = w.tasks + s.tasks"
        + " WHEN NOT MATCHED THEN INSERT (class_id, school_id, assignee, task_key, due_date, task_name, tasks)"
        + " VALUES (s.class_id, s.school_id, s.assignee, s.task_key, s.due_date, s.task_name, s.tasks)", rows);
  }
}
