package org.careflow.inbox;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.careflow.shared.CaseProcesses;
import org.careflow.shared.EngineTables;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox's reads, in SQL over the engine's task tables (through {@link EngineTables}): one query for a page of tasks with what
 * they are about (the process instance's business key and the process key), one for the total, and
 * one grouped query per filter list instead of a count per kind. The visibility rule is the engine
 * task query's: the user's own active tasks, and their groups' active tasks that nobody has claimed,
 * written as a union of two index-friendly halves (an OR across them made the databases scan every
 * task). Everything that changes tasks goes through the engine's API.
 */
@Component
class InboxCounts {

  record KindCount(String taskKey, String name, long count) {}

  record CaseCount(String businessKey, long count) {}

  record TaskRow(String id, String name, String taskKey, Date due, String assignee, String businessKey, String processKey) {}

  private final NamedParameterJdbcTemplate jdbc;

  InboxCounts(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The tasks the user may work on, as a derived table {@code v}. */
  private static String visible(boolean admin, Collection<String> groups) {
    return EngineTables.visibleTasks(admin, groups);
  }

  private static MapSqlParameterSource params(String user, Collection<String> groups) {
    return new MapSqlParameterSource("user", user).addValue("groups", groups.isEmpty() ? List.of("-") : groups);
  }

  private static String filters(InboxFilter f, Collection<String> businessKeys, MapSqlParameterSource p) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (f.taskKey() != null) {
      where.append(" and v.task_key = :kind");
      p.addValue("kind", f.taskKey());
    }
    if (businessKeys != null) {
      where.append(" and " + EngineTables.PROCESS_KEY + " in (" + CASE_PROCESSES + ") and " + EngineTables.BUSINESS_KEY + " in (:keys)");
      p.addValue("keys", businessKeys);
    }
    return where.toString();
  }

  /** The processes whose business key is a case id: the case itself, the family ties it calls each term, its support plans. */
  static final List<String> CASE_PROCESS_KEYS = CaseProcesses.KEYS;
  private static final String CASE_PROCESSES = CaseProcesses.sqlKeys();

  private static final String JOINS = EngineTables.PROCESS_OF_V;

  /** A page of visible tasks, soonest due first; {@code businessKeys} (when not null) narrows to those cases. */
  @Transactional(readOnly = true)
  List<TaskRow> page(String user, Collection<String> groups, boolean admin, InboxFilter f, Collection<String> businessKeys,
      int offset, int limit) {
    MapSqlParameterSource p = params(user, groups).addValue("limit", limit).addValue("offset", offset);
    String sql = "select v.id, v.name, v.task_key, v.due_date, v.assignee, " + EngineTables.BUSINESS_KEY + ", " + EngineTables.PROCESS_KEY + " from " + visible(admin, groups)
        + JOINS + filters(f, businessKeys, p) + " order by v.due_date, v.created, v.id limit :limit offset :offset";
    return jdbc.query(sql, p, (rs, i) -> {
      Timestamp due = rs.getTimestamp(4);
      return new TaskRow(rs.getString(1), rs.getString(2), rs.getString(3), due == null ? null : new Date(due.getTime()),
          rs.getString(5), rs.getString(6), rs.getString(7));
    });
  }

  @Transactional(readOnly = true)
  long count(String user, Collection<String> groups, boolean admin, InboxFilter f, Collection<String> businessKeys) {
    MapSqlParameterSource p = params(user, groups);
    Long n = jdbc.queryForObject("select count(*) from " + visible(admin, groups) + JOINS + filters(f, businessKeys, p), p, Long.class);
    return n == null ? 0 : n;
  }

  @Transactional(readOnly = true)
  List<KindCount> byKind(String user, Collection<String> groups, boolean admin) {
    return jdbc.query("select v.task_key, min(v.name), count(*) from " + visible(admin, groups)
            + " group by v.task_key order by min(v.name)",
        params(user, groups), (rs, i) -> new KindCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
  }

  /** Visible tasks per process instance business key (a case id or a meeting id), for the class counts. */
  @Transactional(readOnly = true)
  List<CaseCount> byBusinessKey(String user, Collection<String> groups, boolean admin, Collection<String> processKeys) {
    List<CaseCount> out = new ArrayList<>();
    jdbc.query("select " + EngineTables.BUSINESS_KEY + ", count(*) from " + visible(admin, groups) + JOINS
            + " where " + EngineTables.PROCESS_KEY + " in (:processKeys) group by " + EngineTables.BUSINESS_KEY,
        params(user, groups).addValue("processKeys", processKeys),
        rs -> {
          out.add(new CaseCount(rs.getString(1), rs.getLong(2)));
        });
    return out;
  }
}
