package org.careflow.termreview;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** What other modules may know of the term reviews (the risk decision, the commendations), from termreview's own table. */
@Component
public class TermReviewFacts {

  /** A case's (latest) review of a term: the class ranks before and after (null when not given). */
  public record Ranks(long caseId, Integer rankBefore, Integer rankAfter) {}

  private final NamedParameterJdbcTemplate jdbc;

  TermReviewFacts(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The rank change (after − before) of the case's latest review that gives both. */
  public Optional<Integer> latestRankChange(long caseId) {
    List<Integer> drop = jdbc.queryForList("SELECT rank_after - rank_before FROM cf_term_review WHERE case_id = :c"
        + " AND rank_after IS NOT NULL AND rank_before IS NOT NULL ORDER BY written_at DESC, id DESC LIMIT 1",
        new MapSqlParameterSource("c", caseId), Integer.class);
    return drop.isEmpty() ? Optional.empty() : Optional.ofNullable(drop.get(0));
  }

  /** Whether the case's latest review asked for support (the outcome "support"). */
  public boolean latestAskedForSupport(long caseId) {
    List<Boolean> asked = jdbc.queryForList("SELECT outcome = 'support' FROM cf_term_review WHERE case_id = :c ORDER BY written_at DESC, id DESC LIMIT 1",
        new MapSqlParameterSource("c", caseId), Boolean.class);
    return !asked.isEmpty() && Boolean.TRUE.equals(asked.get(0));
  }

  /** Each case's latest review of the term, with its ranks. */
  public List<Ranks> latestOfTerm(long termId) {
    return jdbc.query("""
        select r.case_id, r.rank_before, r.rank_after from cf_term_review r
         where r.term_id = :term and r.id = (select max(r2.id) from cf_term_review r2 where r2.case_id = r.case_id and r2.term_id = r.term_id)
        """, new MapSqlParameterSource("term", termId),
        (rs, n) -> new Ranks(rs.getLong(1), (Integer) rs.getObject(2, Integer.class), (Integer) rs.getObject(3, Integer.class)));
  }
}
