package org.careflow.support;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.careflow.shared.CareClock;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many weeks the child's parents have gone without contact: an input of the `risk-level` decision.
 * THE SEAM for the family-contact log (issue 8, item 3): today the only record of contact with the
 * parents is the talk card's "parents informed" (已向家长反馈); the family call log should replace the
 * query below (the newest of a call, a video call or a feedback), nothing else needs to change.
 * No record of any contact counts as 0 weeks: unknown is not the same as unreachable.
 */
@Component("parentContact")
public class ParentContact {

  private final NamedParameterJdbcTemplate jdbc;
  private final CareClock clock;

  ParentContact(NamedParameterJdbcTemplate jdbc, CareClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public int weeksWithoutContact(long caseId) {
    List<Date> last = jdbc.queryForList(
        "SELECT MAX(talk_date) FROM cf_monthly_talk WHERE case_id = :c AND parents_informed = TRUE",
        new MapSqlParameterSource("c", caseId), Date.class);
    if (last.isEmpty() || last.get(0) == null) {
      return 0;
    }
    LocalDate since = last.get(0).toLocalDate();
    return (int) Math.max(0, ChronoUnit.WEEKS.between(since, clock.today()));
  }
}
