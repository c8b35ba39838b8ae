package org.careflow.support;

import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.careflow.shared.CareClock;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inputs of the `risk-level` decision, read from the records (talk cards, term reviews, home
 * visits, the archive, the parents' contact). As the start listener of a business rule task it puts them
 * into the execution as transient variables: the decision sees them, nothing of them is stored in the
 * engine (the assessment row keeps a copy).
 */
@Component("riskInputs")
public class RiskInputs implements ExecutionListener {

  static final String SUMMARY = "riskInputsSummary";
  private static final Set<String> LOW_MOODS = Set.of("LOW", "ANXIOUS", "ANGRY");

  private final NamedParameterJdbcTemplate jdbc;
  private final ParentContact parentContact;
  private final CareClock clock;
  private final jakarta.persistence.EntityManager entities;

  RiskInputs(NamedParameterJdbcTemplate jdbc, ParentContact parentContact, CareClock clock, jakarta.persistence.EntityManager entities) {
    this.entities = entities;
    this.jdbc = jdbc;
    this.parentContact = parentContact;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long caseId = org.careflow.shared.BusinessKey.of(execution);
    entities.flush(); // the record just written (a rewritten term review is an update) must be visible to SQL
    Map<String, Object> in = of(caseId);
    in.forEach((k, v) -> execution.setVariableLocal(k, v instanceof Integer i
        ? Variables.integerValue(i, true) : Variables.stringValue((String) v, true)));
    execution.setVariableLocal(SUMMARY, Variables.stringValue(summary(in), true));
  }

  static String summary(Map<String, Object> in) {
    StringBuilder s = new StringBuilder();
    in.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append('=').append(v));
    return s.toString();
  }

  /** Every input of the decision, never null (0 or "" when the records say nothing). */
  public Map<String, Object> of(long caseId) {
    MapSqlParameterSource p = new MapSqlParameterSource("c", caseId).addValue("since", Date.valueOf(clock.today().minusDays(90)));
    List<Map<String, Object>> talks = jdbc.queryForList(
        "SELECT mood, concerns FROM cf_monthly_talk WHERE case_id = :c ORDER BY talk_date DESC, id DESC LIMIT 3", p);
    int lowMoods = 0;
    int withConcerns = 0;
    for (Map<String, Object> t : talks) {
      if (LOW_MOODS.contains(String.valueOf(t.get("mood")))) {
        lowMoods++;
      }
      Object c = t.get("concerns");
      if (c != null && !c.toString().isBlank()) {
        withConcerns++;
      }
    }
    Map<String, Object> sums = jdbc.queryForMap("SELECT COALESCE(SUM(incidents), 0) AS incidents, COALESCE(SUM(days_missed), 0) AS missed"
        + " FROM cf_monthly_talk WHERE case_id = :c AND talk_date >= :since", p);
    List<Integer> drop = jdbc.queryForList("SELECT rank_after - rank_before FROM cf_term_review WHERE case_id = :c"
        + " AND rank_after IS NOT NULL AND rank_before IS NOT NULL ORDER BY written_at DESC, id DESC LIMIT 1", p, Integer.class);
    List<Integer> age = jdbc.queryForList("SELECT ch.guardian_age FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id WHERE c.id = :c",
        p, Integer.class);
    List<String> health = jdbc.queryForList(
        "SELECT guardian_health FROM cf_home_visit WHERE case_id = :c ORDER BY visit_date DESC, id DESC LIMIT 1", p, String.class);

    Map<String, Object> in = new LinkedHashMap<>();
    in.put("lowMoodTalks", lowMoods);
    in.put("latestMood", talks.isEmpty() ? "" : String.valueOf(talks.get(0).get("mood")));
    in.put("talksWithConcerns", withConcerns);
    in.put("rankDrop", drop.isEmpty() || drop.get(0) == null ? 0 : drop.get(0));
    in.put("incidents", ((Number) sums.get("incidents")).intValue());
    in.put("daysMissed", ((Number) sums.get("missed")).intValue());
    in.put("guardianAge", age.isEmpty() || age.get(0) == null ? 0 : age.get(0));
    in.put("guardianHealth", health.isEmpty() || health.get(0) == null ? "" : health.get(0));
    in.put("weeksWithoutContact", parentContact.weeksWithoutContact(caseId));
    return in;
  }
}
