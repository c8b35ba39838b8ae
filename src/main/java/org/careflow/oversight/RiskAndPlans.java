package org.careflow.oversight;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.careflow.support.RiskAssessed;
import org.careflow.support.SupportPlanChanged;
import org.careflow.support.SupportPlans;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Oversight's own copy of the risk levels and support plans ({@code cf_dash_risk}: each assessment's case,
 * level and time; {@code cf_dash_plan}: each plan's case, opening and end), which the targets read (children
 * whose newest level at the period's end is HIGH, with and without a plan running then). Kept from support's
 * {@link RiskAssessed} and {@link SupportPlanChanged}, in their transactions; filled afresh from
 * {@code SupportPlans} when the summary is rebuilt ({@link OpenWorkRebuild}).
 */
@Component
class RiskAndPlans {

  private static final String INSERT_RISK = "INSERT INTO cf_dash_risk (assessment_id, case_id, risk_level, assessed_at) VALUES (?, ?, ?, ?)";
  private static final String INSERT_PLAN = "INSERT INTO cf_dash_plan (plan_id, case_id, opened_at, closed_at) VALUES (?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  /** Lazily: support's beans use the engine, whose plugin {@link OpenWork} reaches this bean. */
  private final ObjectProvider<SupportPlans> plans;

  RiskAndPlans(JdbcTemplate jdbc, ObjectProvider<SupportPlans> plans) {
    this.jdbc = jdbc;
    this.plans = plans;
  }

  /** One statement per assessment (one after each talk and term review). */
  @EventListener
  void assessed(RiskAssessed a) {
    jdbc.update(INSERT_RISK, a.assessmentId(), a.caseId(), a.riskLevel(), Timestamp.from(a.assessedAt()));
  }

  @EventListener
  void planChanged(SupportPlanChanged p) {
    if (jdbc.update("UPDATE cf_dash_plan SET closed_at = ? WHERE plan_id = ?", ts(p.closedAt()), p.planId()) == 0) {
      jdbc.update(INSERT_PLAN, p.planId(), p.caseId(), ts(p.openedAt()), ts(p.closedAt()));
    }
  }

  private static Timestamp ts(java.time.Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  /** Every assessment and plan, afresh (in the rebuild's transaction). */
  void rebuild() {
    jdbc.update("DELETE FROM cf_dash_risk");
    jdbc.update("DELETE FROM cf_dash_plan");
    List<Object[]> batch = new ArrayList<>();
    plans.getObject().eachAssessment(a -> {
      batch.add(new Object[] {a.assessmentId(), a.caseId(), a.riskLevel(), Timestamp.from(a.assessedAt())});
      if (batch.size() == 1000) {
        jdbc.batchUpdate(INSERT_RISK, batch);
        batch.clear();
      }
    });
    jdbc.batchUpdate(INSERT_RISK, batch);
    jdbc.batchUpdate(INSERT_PLAN, plans.getObject().allPlans().stream()
        .map(p -> new Object[] {p.planId(), p.caseId(), ts(p.openedAt()), ts(p.closedAt())}).toList());
  }

  /** Whether the copy holds as many plans and assessments as support has. */
  boolean inStep() {
    long[] theirs = plans.getObject().counts();
    return Objects.equals(theirs[0], jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_plan", Long.class))
        && Objects.equals(theirs[1], jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_risk", Long.class));
  }
}
