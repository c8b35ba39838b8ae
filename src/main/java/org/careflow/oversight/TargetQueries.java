package org.careflow.oversight;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careflow.oversight.OversightQueries.Missed;
import org.careflow.oversight.OversightQueries.MonthRate;
import org.careflow.oversight.OversightQueries.Retention;
import org.careflow.oversight.OversightQueries.Targets;
import org.careflow.oversight.OversightQueries.TermRef;
import org.careflow.shared.CareClock;
import org.careflow.shared.InvalidInputException;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The targets of a term (archive, pairing and on-time talk rates, meetings held, children at risk with and
 * without a plan, missed obligations) and its retention, over the case summary ({@code cf_dash_case}) and
 * the per class and period counts ({@code cf_dash_period}) that {@link OpenWork} keeps. The targets are
 * cached per term and scope ({@link OversightCaches}); the term itself is looked up first, uncached, so
 * that an unknown term is refused at once.
 */
@org.springframework.cache.annotation.CacheConfig(cacheManager = "oversightCacheManager")
@Service
@Transactional(readOnly = true)
class TargetQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final CareClock clock;
  private final org.careflow.school.TermCalendar termCalendar;

  TargetQueries(NamedParameterJdbcTemplate jdbc, CareClock clock, org.careflow.school.TermCalendar termCalendar) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.termCalendar = termCalendar;
  }

  private static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }

  /**
   * The term a figure is for: the given one, or the latest that has begun, among the scope's schools' terms
   * (the school module's calendar, {@link org.careflow.school.TermCalendar#termsBegunBy}).
   */
  public TermRef term(Long termId, Scope scope) {
    List<TermRef> found;
    if (termId == null) {
      found = terms(scope).stream().limit(1).toList();
    } else {
      // any term of the scope's schools, begun or not (a figure of a term ahead is all zero)
      found = termCalendar.findTerm(termId).filter(t -> scope.schoolIds() == null || scope.schoolIds().contains(t.getSchool().getId()))
          .map(TargetQueries::ref).stream().toList();
    }
    if (found.isEmpty()) {
      if (termId != null) {
        throw InvalidInputException.of("term", "oversight.term.unknown", String.valueOf(termId));
      }
      throw InvalidInputException.of("term", "oversight.term.none");
    }
    return found.get(0);
  }

  /** The terms begun by today among the scope's schools', the latest first. */
  public List<TermRef> terms(Scope scope) {
    return termCalendar.termsBegunBy(clock.today(), scope.schoolIds()).stream().map(TargetQueries::ref).toList();
  }

  private static TermRef ref(org.careflow.school.Term t) {
    return new TermRef(t.getId(), t.getName(), t.getStartDate(), t.getEndDate());
  }

  /** One case as the targets need it: when it opened, was registered, paired and closed. */
  private record CaseDates(String status, Instant opened, Instant registered, Instant paired, Instant closed, long classId) {
    /** Active in [from, to): see {@link Obligations}. */
    boolean activeIn(Instant from, Instant to) {
      return ("ACTIVE".equals(status) || "CLOSED".equals(status)) && registered != null && registered.isBefore(to)
          && (closed == null || !closed.isBefore(from));
    }

    boolean pairedBefore(Instant t) {
      return paired != null && paired.isBefore(t);
    }
  }

  /** The targets of a term already looked up ({@link #term}), cached per term and scope. */
  @Cacheable(OversightCaches.TARGETS)
  public Targets targets(TermRef term, Scope scope) {
    return computeTargets(term, scope);
  }

  /**
   * Children whose newest risk assessment before the end of the period (the term's end, or now) is HIGH,
   * with and without an individual support plan running at that moment: {with, without}.
   */
  private long[] atRisk(MapSqlParameterSource p, Scope scope) {
    return jdbc.query("""
        SELECT COALESCE(SUM(CASE WHEN pl.n > 0 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN pl.n > 0 THEN 0 ELSE 1 END), 0)
          FROM cf_dash_risk a
          JOIN cf_dash_case d ON d.case_id = a.case_id
          LEFT JOIN (SELECT s.case_id, COUNT(*) AS n FROM cf_dash_plan s
                      WHERE s.opened_at <= :to AND (s.closed_at IS NULL OR s.closed_at >= :to) GROUP BY s.case_id) pl ON pl.case_id = a.case_id
         WHERE a.assessment_id IN (SELECT MAX(b.assessment_id) FROM cf_dash_risk b WHERE b.assessed_at <= :to GROUP BY b.case_id)
           AND a.risk_level = 'HIGH' AND d.status <> 'NOT_ELIGIBLE' AND (d.closed_at IS NULL OR d.closed_at >= :to)
        """ + scope.where("d.school_id", "d.class_id", p), p, rs -> {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    });
  }

  private Targets computeTargets(TermRef term, Scope scope) {
    Instant now = clock.now();
    ZoneId zone = clock.zone();
    Instant from = term.start().atStartOfDay(zone).toInstant();
    Instant termEnd = term.end().plusDays(1).atStartOfDay(zone).toInstant();
    Instant to = termEnd.isBefore(now) ? termEnd : now;
    MapSqlParameterSource p = new MapSqlParameterSource("from", ts(from)).addValue("to", ts(to))
        .addValue("verifyCutoff", ts(Obligations.verifyCutoff(now)));

    List<CaseDates> cases = jdbc.query("SELECT d.status, d.opened_at, d.registered_at, d.closed_at, d.class_id, d.paired_at FROM cf_dash_case d"
        + " WHERE d.status <> 'NOT_ELIGIBLE' AND d.opened_at < :to AND (d.closed_at IS NULL OR d.closed_at >= :from)"
        + scope.where("d.school_id", "d.class_id", p), p, (rs, n) -> new CaseDates(rs.getString(1), instant(rs.getTimestamp(2)),
        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(4)), rs.getLong(5)));
    long registered = cases.stream().filter(c -> c.registered() != null && c.registered().isBefore(to)).count();
    List<CaseDates> active = cases.stream().filter(c -> c.activeIn(from, to)).toList();
    long paired = active.stream().filter(c -> c.pairedBefore(to)).count();
    long meetingsHeld = jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_meeting gm WHERE gm.held_at >= :from"
        + " AND gm.held_at < :to" + scope.where("gm.school_id", "gm.class_id", p), p, Long.class);

    List<MonthRate> months = talkMonths(term, now, zone, cases, scope);
    long activeMonths = 0;
    long onTime = 0;
    long missedTalks = 0;
    for (MonthRate m : months) {
      activeMonths += m.activeCases();
      onTime += m.onTime();
      missedTalks += Math.max(0, m.activeCases() - m.withTalk());
    }
    Missed missed = new Missed(missedTalks, missedCheckIns(term, now, zone, cases, scope), missedMeetings(term, now, zone, scope),
        jdbc.queryForObject("SELECT COUNT(*) FROM cf_dash_case d WHERE " + Obligations.UNVERIFIED_SUMMARY
            + scope.where("d.school_id", "d.class_id", p), p, Long.class));
    long[] atRisk = atRisk(p, scope);
    return new Targets(term, rate(registered, cases.size()), rate(paired, active.size()), rate(onTime, activeMonths), meetingsHeld,
        atRisk[0], atRisk[1], cases.size(), active.size(), months, missed);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static double rate(long part, long whole) {
    return whole == 0 ? 0 : Math.round(10000.0 * part / whole) / 10000.0;
  }

  /** Per ended month of the term: active cases, those with a talk record for the month, those held within the month. */
  List<MonthRate> talkMonths(TermRef term, Instant now, ZoneId zone, List<CaseDates> cases, Scope scope) {
    List<Obligations.Period> months = Obligations.months(term.start(), term.end(), zone, holidaysOf(term)).stream().filter(m -> m.endedBy(now)).toList();
    if (months.isEmpty()) {
      return List.of();
    }
    MapSqlParameterSource p = new MapSqlParameterSource("months", months.stream().map(Obligations.Period::label).toList());
    Map<String, long[]> counts = new java.util.HashMap<>();
    jdbc.query("SELECT w.period, SUM(w.with_record), SUM(w.on_time) FROM cf_dash_period w WHERE w.kind = 'TALK' AND w.period IN (:months)"
        + scope.where("w.school_id", "w.class_id", p) + " GROUP BY w.period", p,
        rs -> {
          counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
    List<MonthRate> out = new ArrayList<>();
    for (Obligations.Period m : months) {
      long activeCases = cases.stream().filter(c -> c.activeIn(m.start(), m.end())).count();
      long[] c = counts.getOrDefault(m.label(), new long[2]);
      out.add(new MonthRate(m.label(), activeCases, Math.min(c[0], activeCases), Math.min(c[1], activeCases)));
    }
    return out;
  }

  /** The holidays of the term's school: their months and weeks ask for no talk or check-in (Obligations). */
  private List<org.careflow.school.Holiday> holidaysOf(TermRef term) {
    return termCalendar.holidays(termCalendar.term(term.id()).getSchool().getId());
  }

  /** Case-weeks of the term (ended weeks) in which an active, paired case had no mentor check-in. */
  long missedCheckIns(TermRef term, Instant now, ZoneId zone, List<CaseDates> cases, Scope scope) {
    List<Obligations.Period> weeks = Obligations.weeks(term.start(), term.end(), zone, holidaysOf(term)).stream().filter(w -> w.endedBy(now)).toList();
    if (weeks.isEmpty()) {
      return 0;
    }
    long required = 0;
    for (Obligations.Period w : weeks) {
      // the week a child is paired in counts: the case's process gives its mentor that week's check-in
      required += cases.stream().filter(c -> c.activeIn(w.start(), w.end()) && c.pairedBefore(w.end())).count();
    }
    MapSqlParameterSource p = new MapSqlParameterSource("weeks", weeks.stream().map(Obligations.Period::label).toList());
    Long held = jdbc.queryForObject("SELECT COALESCE(SUM(w.with_record), 0) FROM cf_dash_period w WHERE w.kind = 'CHECK_IN' AND w.period IN (:weeks)"
        + scope.where("w.school_id", "w.class_id", p), p, Long.class);
    return Math.max(0, required - (held == null ? 0 : held));
  }

  /** Classes that had active cases in an ended term and held no guardian meeting in it. */
  long missedMeetings(TermRef term, Instant now, ZoneId zone, Scope scope) {
    Instant from = term.start().atStartOfDay(zone).toInstant();
    Instant end = term.end().plusDays(1).atStartOfDay(zone).toInstant();
    if (end.isAfter(now)) {
      return 0;
    }
    MapSqlParameterSource p = new MapSqlParameterSource("from", ts(from)).addValue("end", ts(end));
    return Optional.ofNullable(jdbc.queryForObject("SELECT COUNT(DISTINCT d.class_id) FROM cf_dash_case d"
        + " WHERE " + Obligations.activeCase(":from", ":end", "d") + scope.where("d.school_id", "d.class_id", p)
        + " AND NOT EXISTS (SELECT 1 FROM cf_dash_meeting gm WHERE gm.class_id = d.class_id"
        + " AND gm.held_at >= :from AND gm.held_at < :end)", p, Long.class)).orElse(0L);
  }

  /** The term's retention: the cases of {@link #targets} and those closed as dropped out (the summary's close_reason). */
  public Retention retention(TermRef term, Scope scope) {
    ZoneId zone = clock.zone();
    Instant from = term.start().atStartOfDay(zone).toInstant();
    Instant termEnd = term.end().plusDays(1).atStartOfDay(zone).toInstant();
    Instant to = termEnd.isBefore(clock.now()) ? termEnd : clock.now();
    MapSqlParameterSource p = new MapSqlParameterSource("from", ts(from)).addValue("to", ts(to));
    String inScope = scope.where("d.school_id", "d.class_id", p);
    long children = jdbc.queryForObject("SELECT COUNT(DISTINCT d.child_id) FROM cf_dash_case d WHERE d.status <> 'NOT_ELIGIBLE'"
        + " AND d.opened_at < :to AND (d.closed_at IS NULL OR d.closed_at >= :from)" + inScope, p, Long.class);
    long dropped = jdbc.queryForObject("SELECT COUNT(DISTINCT d.child_id) FROM cf_dash_case d"
        + " WHERE d.close_reason = 'DROPPED_OUT' AND d.closed_at >= :from AND d.closed_at < :to" + inScope, p, Long.class);
    long notBack = jdbc.queryForObject("SELECT COUNT(DISTINCT d.child_id) FROM cf_dash_case d"
        + " WHERE d.close_reason = 'DROPPED_OUT' AND d.closed_at < :from AND NOT EXISTS (SELECT 1 FROM cf_dash_case o"
        + " WHERE o.child_id = d.child_id AND o.status <> 'NOT_ELIGIBLE' AND o.opened_at < :to AND (o.closed_at IS NULL OR o.closed_at >= :from))"
        + inScope, p, Long.class);
    return new Retention(children, Math.min(dropped, children), notBack);
  }
}
