package org.careflow.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox's filter counts, in one grouped query over the engine's task tables instead of one count
 * per kind of task. It reads the same rows as the engine's task query with the same visibility rule:
 * the user's own tasks, and their groups' tasks that nobody has claimed.
 */
@Component
class InboxCounts {

  record KindCount(String taskKey, String name, long count) {}

  record CaseCount(String businessKey, long count) {}

  private final NamedParameterJdbcTemplate jdbc;

  InboxCounts(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static String visible(boolean admin, Collection<String> groups) {
    if (admin) {
      return "t.SUSPENSION_STATE_ = 1";
    }
    String own = "t.ASSIGNEE_ = :user";
    if (groups.isEmpty()) {
      return "t.SUSPENSION_STATE_ = 1 and " + own;
    }
    return "t.SUSPENSION_STATE_ = 1 and (" + own + " or (t.ASSIGNEE_ is null and exists (select 1 from ACT_RU_IDENTITYLINK l"
        + " where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ in (:groups))))";
  }

  private static MapSqlParameterSource params(String user, Collection<String> groups) {
    return new MapSqlParameterSource("user", user).addValue("groups", groups.isEmpty() ? List.of("-") : groups);
  }

  @Transactional(readOnly = true)
  List<KindCount> byKind(String user, Collection<String> groups, boolean admin) {
    return jdbc.query("select t.TASK_DEF_KEY_, min(t.NAME_), count(*) from ACT_RU_TASK t where " + visible(admin, groups)
            + " group by t.TASK_DEF_KEY_ order by min(t.NAME_)",
        params(user, groups), (rs, i) -> new KindCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
  }

  /** Visible tasks per process instance business key (a case id or a meeting id), for the class counts. */
  @Transactional(readOnly = true)
  List<CaseCount> byBusinessKey(String user, Collection<String> groups, boolean admin, String processKey) {
    List<CaseCount> out = new ArrayList<>();
    jdbc.query("select p.BUSINESS_KEY_, count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION p on p.ID_ = t.PROC_INST_ID_"
            + " join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_ where d.KEY_ = :processKey and " + visible(admin, groups)
            + " group by p.BUSINESS_KEY_",
        params(user, groups).addValue("processKey", processKey),
        rs -> {
          out.add(new CaseCount(rs.getString(1), rs.getLong(2)));
        });
    return out;
  }
}
