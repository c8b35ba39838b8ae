package org.careflow.oversight;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard summary's upserts, one helper per database dialect ({@link H2DashUpserts} with
 * {@code MERGE}, {@link PostgresDashUpserts} with {@code INSERT … ON CONFLICT}): an upsert so that two
 * transactions adding a row's first count at once do not collide. Used by {@link OpenWorkWriter}.
 */
interface DashUpserts {

  /** The case's row of {@code cf_dash_case} made to match the case ({@link OpenWork#CASE_ROW}). */
  void upsertCase(long caseId);

  /** Adds to a class's count of case-periods with a record ({@code cf_dash_period}). */
  void addPeriod(long classId, long schoolId, String kind, String period, long records, long onTime);

  /**
   * Adds to count rows of {@code cf_dash_open_work}, all in one JDBC batch; each row: class id, school id,
   * assignee, task key, due date, task name, tasks to add (positive).
   */
  void addOpenWork(List<Object[]> rows);

  static DashUpserts of(JdbcTemplate jdbc) {
    boolean postgres = Boolean.TRUE.equals(jdbc.execute(
        (java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
    return postgres ? new PostgresDashUpserts(jdbc) : new H2DashUpserts(jdbc);
  }

  String CASE_COLUMNS = "case_id, child_id, class_id, school_id, status, opened_at, registered_at, paired_at, closed_at, verified, close_reason";
}
