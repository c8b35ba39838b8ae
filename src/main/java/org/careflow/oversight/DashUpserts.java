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

  /** The case's row of {@code cf_dash_case} made to match the case's facts ({@link #caseValues}). */
  void upsertCase(org.careflow.child.CaseFactsChanged f);

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

  /** A case's first pairing, from oversight's copy; the parameter: the case id. */
  String PAIRED_AT = "(SELECT MIN(p.paired_at) FROM cf_dash_pairing p WHERE p.case_id = ?)";
  /** Whether a case's home visit verified its archive, from oversight's copy; the parameter: the case id. */
  String VERIFIED = "CASE WHEN EXISTS (SELECT 1 FROM cf_dash_verified v WHERE v.case_id = ?) THEN TRUE ELSE FALSE END";
  /** The values of {@link #CASE_COLUMNS} for a case's facts: parameters as {@link #caseValues} gives them. */
  String CASE_VALUES = "?, ?, ?, ?, ?, ?, ?, " + PAIRED_AT + ", ?, " + VERIFIED + ", ?";

  static Object[] caseValues(org.careflow.child.CaseFactsChanged f) {
    return new Object[] {f.caseId(), f.childId(), f.classId(), f.schoolId(), f.status(), ts(f.openedAt()), ts(f.registeredAt()), f.caseId(),
        ts(f.closedAt()), f.caseId(), f.closeReason()};
  }

  private static org.springframework.jdbc.core.SqlParameterValue ts(java.time.Instant at) {
    return new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.TIMESTAMP, at == null ? null : java.sql.Timestamp.from(at));
  }

  String CASE_COLUMNS = "case_id, child_id, class_id, school_id, status, opened_at, registered_at, paired_at, closed_at, verified, close_reason";
}
