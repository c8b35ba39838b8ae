package org.careflow.support;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.shared.CaseRisk;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The newest assessment per case and the running plans, in two queries for a page of cases. */
@Component
class CaseRiskView implements CaseRisk {

  private final NamedParameterJdbcTemplate jdbc;

  CaseRiskView(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<Long, Risk> current(Collection<Long> caseIds) {
    Map<Long, Risk> out = new HashMap<>();
    if (caseIds.isEmpty()) {
      return out;
    }
    MapSqlParameterSource p = new MapSqlParameterSource("ids", caseIds);
    Set<Long> running = new HashSet<>(jdbc.queryForList(
        "SELECT case_id FROM cf_support_plan WHERE case_id IN (:ids) AND status IN ('OPEN','ACTIVE')", p, Long.class));
    jdbc.query("""
        SELECT a.case_id, a.risk_level, a.reasons, a.assessed_at FROM cf_risk_assessment a
         WHERE a.id IN (SELECT MAX(b.id) FROM cf_risk_assessment b WHERE b.case_id IN (:ids) GROUP BY b.case_id)
        """, p, rs -> {
      long caseId = rs.getLong(1);
      String reasons = rs.getString(3);
      Timestamp at = rs.getTimestamp(4);
      out.put(caseId, new Risk(rs.getString(2), reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")),
          at.toInstant(), running.contains(caseId)));
    });
    for (Long id : running) {
      out.putIfAbsent(id, new Risk("LOW", List.of(), null, true));
    }
    return out;
  }
}
