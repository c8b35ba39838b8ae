package org.careflow.inbox;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox's reads, in SQL over the engine's task tables: one query for a page of tasks with what
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

  private static final String COLUMNS = "t.ID_, t.NAME_, t.TASK_DEF_KEY_, t.DUE_DATE_, t.ASSIGNEE_, t.CREATE_TIME_, t.PROC_INST_ID_, t.PROC_DEF_ID_";

  private final NamedParameterJdbcTemplate jdbc;

  InboxCounts(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The tasks the user may work on, as a derived table {@code v}. */
  private static String visible(boolean admin, Collection<String> groups) {
    if (admin) {
      return "(select " + COLUMNS + " from ACT_RU_TASK t where t.SUSPENSION_STATE_ = 1) v";
    }
    String own = "select " + COLUMNS + " from ACT_RU_TASK t where t.ASSIGNEE_ = :user and t.SUSPENSION_STATE_ = 1";
    if (groups.isEmpty()) {
      return "(" + own + ") v";
    }
    return "(" + own + " union select " + COLUMNS + " from ACT_RU_TASK t where t.ASSIGNEE_ is null and t.SUSPENSION_STATE_ = 1"
        + " and t.ID_ in (select l.TASK_ID_ from ACT_RU_IDENTITYLINK l where l.TYPE_ = 'candidate' and l.GROUP_ID_ in (:groups))) v";
  }

  private static MapSqlParameterSource params(String user, Collection<String> groups) {
    return new MapSqlParameterSource("user", user).addValue("groups", groups.isEmpty() ? List.of("-") : groups);
  }

  private static String filters(InboxFilter f, Collection<String> businessKeys, MapSqlParameterSource p) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (f.taskKey() != null) {
      where.append(" and v.TASK_DEF_KEY_ = :kind");
      p.addValue("kind", f.taskKey());
    }
    if (businessKeys != null) {
      where.append(" and d.KEY_ in (" + CASE_PROCESSES + ") and p.BUSINESS_KEY_ in (:keys)");
      p.addValue("keys", businessKeys);
    }
    return where.toString();
  }

  /** The processes whose business key is a case id: the case itself, the family ties it calls each term, its support plans. */
  static final List<String> CASE_PROCESS_KEYS = List.of("child-case", "family-ties", "support-plan");
  private static final String CASE_PROCESSES = "'child-case', 'family-ties', 'support-plan'";

  private static final String JOINS = " left join ACT_RU_EXECUTION p on p.ID_ = v.PROC_INST_ID_ left join ACT_RE_PROCDEF d on d.ID_ = v.PROC_DEF_ID_";

  /** A page of visible tasks, soonest due first; {@code businessKeys} (when not null) narrows to those cases. */
  @Transactional(readOnly = true)
  List<TaskRow> page(String user, Collection<String> groups, boolean admin, InboxFilter f, Collection<String> businessKeys,
      int offset, int limit) {
    MapSqlParameterSource p = params(user, groups).addValue("limit", limit).addValue("offset", offset);
    String sql = "select v.ID_, v.NAME_, v.TASK_DEF_KEY_, v.DUE_DATE_, v.ASSIGNEE_, p.BUSINESS_KEY_, d.KEY_ from " + visible(admin, groups)
        + JOINS + filters(f, businessKeys, p) + " order by v.DUE_DATE_, v.CREATE_TIME_, v.ID_ limit :limit offset :offset";
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
    return jdbc.query("select v.TASK_DEF_KEY_, min(v.NAME_), count(*) from " + visible(admin, groups)
            + " group by v.TASK_DEF_KEY_ order by min(v.NAME_)",
        params(user, groups), (rs, i) -> new KindCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
  }

  /** Visible tasks per process instance business key (a case id or a meeting id), for the class counts. */
  @Transactional(readOnly = true)
  List<CaseCount> byBusinessKey(String user, Collection<String> groups, boolean admin, Collection<String> processKeys) {
    List<CaseCount> out = new ArrayList<>();
    jdbc.query("select p.BUSINESS_KEY_, count(*) from " + visible(admin, groups) + JOINS
            + " where d.KEY_ in (:processKeys) group by p.BUSINESS_KEY_",
        params(user, groups).addValue("processKeys", processKeys),
        rs -> {
          out.add(new CaseCount(rs.getString(1), rs.getLong(2)));
        });
    return out;
  }
}
