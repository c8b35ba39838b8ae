package org.careflow.talk;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What other modules may know of a case's talk cards and home visits: the few facts the risk decision
 * and the dashboard read, answered from talk's own tables. Other modules never name those tables.
 * The SQL sees what was written through JPA only after a flush: callers inside a form's transaction
 * flush first (as RiskInputs does).
 */
@Component
public class TalkFacts {

  /** A talk card's mood and concerns (null when none). */
  public record Talk(String mood, String concerns) {}

  /** Incidents and school days missed, summed over talk cards. */
  public record Absences(int incidents, int daysMissed) {}

  private final NamedParameterJdbcTemplate jdbc;

  TalkFacts(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The case's latest talk cards (by talk date, then as written), newest first, at most {@code n}. */
  public List<Talk> latestTalks(long caseId, int n) {
    return jdbc.query("SELECT mood, concerns FROM cf_monthly_talk WHERE case_id = :c ORDER BY talk_date DESC, id DESC LIMIT :n",
        new MapSqlParameterSource("c", caseId).addValue("n", n), (rs, i) -> new Talk(rs.getString(1), rs.getString(2)));
  }

  /** Incidents and days missed on the case's talk cards held on or after {@code since}. */
  public Absences absencesSince(long caseId, LocalDate since) {
    Map<String, Object> sums = jdbc.queryForMap("SELECT COALESCE(SUM(incidents), 0) AS incidents, COALESCE(SUM(days_missed), 0) AS missed"
        + " FROM cf_monthly_talk WHERE case_id = :c AND talk_date >= :since",
        new MapSqlParameterSource("c", caseId).addValue("since", Date.valueOf(since)));
    return new Absences(((Number) sums.get("incidents")).intValue(), ((Number) sums.get("missed")).intValue());
  }

  /** Whether the case's last written talk card asked for a support plan (its box). */
  public boolean lastTalkAskedForPlan(long caseId) {
    List<Boolean> asked = jdbc.queryForList("SELECT plan_requested FROM cf_monthly_talk WHERE case_id = :c ORDER BY recorded_at DESC, id DESC LIMIT 1",
        new MapSqlParameterSource("c", caseId), Boolean.class);
    return !asked.isEmpty() && Boolean.TRUE.equals(asked.get(0));
  }

  /** The guardian's health as the case's latest home visit found it. */
  public Optional<String> latestGuardianHealth(long caseId) {
    List<String> health = jdbc.queryForList(
        "SELECT guardian_health FROM cf_home_visit WHERE case_id = :c ORDER BY visit_date DESC, id DESC LIMIT 1",
        new MapSqlParameterSource("c", caseId), String.class);
    return health.isEmpty() ? Optional.empty() : Optional.ofNullable(health.get(0));
  }

  /** A talk card's month (yyyy-MM) and the day it was held. */
  public record TalkDay(long caseId, String month, LocalDate date) {}

  /** A mentor's check-in (not the first meeting) and its day. */
  public record CheckInDay(long caseId, LocalDate date) {}

  /** The case's talk cards, the last written first. */
  public List<TalkDay> talksLastWrittenFirst(long caseId) {
    return jdbc.query("SELECT case_id, talk_month, talk_date FROM cf_monthly_talk WHERE case_id = :c ORDER BY id DESC",
        new MapSqlParameterSource("c", caseId), (rs, n) -> new TalkDay(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)));
  }

  /** The case's check-ins (not the first meeting), the last written first. */
  public List<LocalDate> checkInDaysLastWrittenFirst(long caseId) {
    return jdbc.query("SELECT check_in_date FROM cf_mentor_check_in WHERE case_id = :c AND first_meeting = FALSE ORDER BY id DESC",
        new MapSqlParameterSource("c", caseId), (rs, n) -> rs.getObject(1, LocalDate.class));
  }

  /** Every talk card of every case, streamed (the dashboard's rebuild). */
  public void eachTalk(java.util.function.Consumer<TalkDay> each) {
    jdbc.query("SELECT case_id, talk_month, talk_date FROM cf_monthly_talk",
        rs -> {
          each.accept(new TalkDay(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)));
        });
  }

  /** Every check-in (not the first meeting) of every case, streamed (the dashboard's rebuild). */
  public void eachCheckIn(java.util.function.Consumer<CheckInDay> each) {
    jdbc.query("SELECT case_id, check_in_date FROM cf_mentor_check_in WHERE first_meeting = FALSE",
        rs -> {
          each.accept(new CheckInDay(rs.getLong(1), rs.getObject(2, LocalDate.class)));
        });
  }
}
