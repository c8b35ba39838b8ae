package org.careflow.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.careflow.shared.Deadlines;
import org.careflow.shared.InvalidInputException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the oversight dashboard, its JSON and its exports, in SQL over the engine's open tasks
 * ({@code ACT_RU_TASK}) and the domain tables, aggregated in the database so that a district's worth of
 * cases stays fast (docs/PERFORMANCE.md). Overdue, due soon and the age buckets are
 * {@link Deadlines#cutoffs}; missed obligations are {@link Obligations}.
 *
 * <p>Scope: all schools for now. Scoping the figures to one school or township is issue 6, with the
 * scoped access to pages.
 */
@Service
@Transactional(readOnly = true)
public class OversightQueries {

  public enum GroupBy {
    CLASS, TEACHER, OBLIGATION;

    /** "class", "teacher" or "obligation"; anything else is a clear 400. */
    public static GroupBy parse(String value) {
      if (value != null) {
        for (GroupBy g : values()) {
          if (g.name().toLowerCase(Locale.ROOT).equals(value.trim().toLowerCase(Locale.ROOT))) {
            return g;
          }
        }
      }
      throw InvalidInputException.of("groupBy", "oversight.groupBy.invalid", value == null ? "" : value);
    }
  }

  /** Overdue and due-soon tasks, the overdue ones by age. */
  public record Counts(long overdue, long dueSoon, long days1to7, long days8to30, long over30) {
    static Counts of(ResultSet rs) throws SQLException {
      return new Counts(rs.getLong("overdue"), rs.getLong("due_soon"), rs.getLong("b1"), rs.getLong("b2"), rs.getLong("b3"));
    }
  }

  /** One group: {@code key} is the class id, the user id ("" = offered to a group) or the task key. */
  public record GroupRow(String key, String label, Counts counts) {}

  /** One child's open work with its class and the teacher it waits for. */
  public record ChildRow(long classId, String className, String teacher, long childId, String childName, Counts counts) {}

  public record TermRef(long id, String name, LocalDate start, LocalDate end) {}

  public record MonthRate(String month, long activeCases, long withTalk, long onTime) {
    public double onTimeRate() {
      return activeCases == 0 ? 0 : (double) onTime / activeCases;
    }
  }

  /** Missed obligations of the term so far (periods that have ended). */
  public record Missed(long talkMonths, long checkInWeeks, long guardianMeetings, long unverifiedArchives) {}

  public record Targets(TermRef term, double archiveRate, double pairingRate, double onTimeTalkRate, long guardianMeetingsHeld,
      long atRiskWithPlan, long cases, long activeCases, List<MonthRate> talkByMonth, Missed missed) {}

  private static final String TASKS = """
       FROM ACT_RU_TASK t
       JOIN ACT_RU_EXECUTION pi ON pi.ID_ = t.PROC_INST_ID_
       LEFT JOIN cf_case c ON c.id = CASE WHEN t.PROC_DEF_ID_ LIKE 'child-case:%' THEN CAST(pi.BUSINESS_KEY_ AS BIGINT) END
       LEFT JOIN cf_child ch ON ch.id = c.child_id
       LEFT JOIN cf_guardian_meeting m ON m.id = CASE WHEN t.PROC_DEF_ID_ LIKE 'guardian-meeting:%' THEN CAST(pi.BUSINESS_KEY_ AS BIGINT) END
       LEFT JOIN cf_class cl ON cl.id = COALESCE(ch.school_class_id, m.class_id)
      WHERE t.DUE_DATE_ IS NOT NULL AND t.DUE_DATE_ <= :dueSoonEnd
      """;

  private static final String COUNTS = """
      SUM(CASE WHEN t.DUE_DATE_ < :now THEN 1 ELSE 0 END) AS overdue,
      SUM(CASE WHEN t.DUE_DATE_ >= :now THEN 1 ELSE 0 END) AS due_soon,
      SUM(CASE WHEN t.DUE_DATE_ < :now AND t.DUE_DATE_ >= :late7 THEN 1 ELSE 0 END) AS b1,
      SUM(CASE WHEN t.DUE_DATE_ < :late7 AND t.DUE_DATE_ >= :late30 THEN 1 ELSE 0 END) AS b2,
      SUM(CASE WHEN t.DUE_DATE_ < :late30 THEN 1 ELSE 0 END) AS b3
      """;

  /** An escalation whose task is still open: an item on the supervisors' dashboard. */
  public record OpenEscalation(String taskName, String assignee, Long childId, String childName, String className,
      Instant dueDate, Instant escalatedAt) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final CareClock clock;
  private final SchoolDirectory schools;

  OversightQueries(NamedParameterJdbcTemplate jdbc, CareClock clock, SchoolDirectory schools) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.schools = schools;
  }

  public List<OpenEscalation> openEscalations(int limit) {
    return jdbc.query("""
        SELECT r.task_name, r.assignee, ch.id AS child_id, ch.name AS child_name, cl.name AS class_name, r.due_date, r.recorded_at
          FROM cf_reminder r
          JOIN ACT_RU_TASK t ON t.ID_ = r.task_id
          LEFT JOIN cf_case c ON c.id = r.case_id
          LEFT JOIN cf_child ch ON ch.id = c.child_id
          LEFT JOIN cf_class cl ON cl.id = ch.school_class_id
         WHERE r.kind = 'ESCALATION'
         ORDER BY r.due_date, r.id LIMIT :limit
        """, new MapSqlParameterSource("limit", limit), (rs, n) -> new OpenEscalation(rs.getString("task_name"), rs.getString("assignee"),
        (Long) rs.getObject("child_id", Long.class), rs.getString("child_name"), rs.getString("class_name"),
        rs.getTimestamp("due_date").toInstant(), rs.getTimestamp("recorded_at").toInstant()));
  }

  /** Teachers' names for user ids (the JSON, the page and the exports name teachers). */
  public Map<String, String> teacherNames(java.util.Collection<String> ids) {
    return schools.teacherNames(ids);
  }

  private static MapSqlParameterSource cutoffs(Instant now) {
    Deadlines.Cutoffs c = Deadlines.cutoffs(now);
    return new MapSqlParameterSource()
        .addValue("now", ts(c.now())).addValue("dueSoonEnd", ts(c.dueSoonEnd()))
        .addValue("late7", ts(c.late7())).addValue("late30", ts(c.late30()));
  }

  static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }

  /** Overdue and due-soon work grouped by class, by the teacher it waits for, or by obligation (task key). */
  public List<GroupRow> overdue(GroupBy groupBy) {
    Instant now = clock.now();
    String key = switch (groupBy) {
      case CLASS -> "CAST(COALESCE(cl.id, 0) AS VARCHAR(20)) AS gkey, MAX(cl.name) AS glabel";
      case TEACHER -> "COALESCE(t.ASSIGNEE_, '') AS gkey, COALESCE(t.ASSIGNEE_, '') AS glabel";
      case OBLIGATION -> "t.TASK_DEF_KEY_ AS gkey, MAX(t.NAME_) AS glabel";
    };
    String groupExpr = switch (groupBy) {
      case CLASS -> "COALESCE(cl.id, 0)";
      case TEACHER -> "COALESCE(t.ASSIGNEE_, '')";
      case OBLIGATION -> "t.TASK_DEF_KEY_";
    };
    String sql = "SELECT " + key + ", " + COUNTS + TASKS + " GROUP BY " + groupExpr + " ORDER BY overdue DESC, gkey";
    List<GroupRow> rows = jdbc.query(sql, cutoffs(now), (rs, n) -> new GroupRow(rs.getString("gkey"),
        rs.getString("glabel") == null ? "" : rs.getString("glabel"), Counts.of(rs)));
    if (groupBy != GroupBy.TEACHER) {
      return rows;
    }
    Map<String, String> names = schools.teacherNames(rows.stream().map(GroupRow::key).filter(k -> !k.isEmpty()).toList());
    return rows.stream().map(r -> new GroupRow(r.key(), names.getOrDefault(r.key(), r.key()), r.counts())).toList();
  }

  /** The children with overdue or due-soon work, worst first, for the class → teacher → child view. */
  public List<ChildRow> children(int limit) {
    String sql = "SELECT cl.id AS class_id, MAX(cl.name) AS class_name, COALESCE(t.ASSIGNEE_, '') AS teacher, ch.id AS child_id,"
        + " MAX(ch.name) AS child_name, " + COUNTS + TASKS + " AND ch.id IS NOT NULL"
        + " GROUP BY cl.id, COALESCE(t.ASSIGNEE_, ''), ch.id ORDER BY overdue DESC, b3 DESC, class_name, child_id LIMIT :limit";
    return jdbc.query(sql, cutoffs(clock.now()).addValue("limit", limit), (rs, n) -> new ChildRow(rs.getLong("class_id"),
        rs.getString("class_name"), rs.getString("teacher"), rs.getLong("child_id"), rs.getString("child_name"), Counts.of(rs)));
  }

  /** The term a figure is for: the given one, or the latest that has begun (of any school, for now). */
  public TermRef term(Long termId) {
    String sql = "SELECT id, name, start_date, end_date FROM cf_term "
        + (termId == null ? "WHERE start_date <= :today ORDER BY start_date DESC, id LIMIT 1" : "WHERE id = :id");
    List<TermRef> found = jdbc.query(sql, new MapSqlParameterSource("today", clock.today()).addValue("id", termId),
        (rs, n) -> new TermRef(rs.getLong("id"), rs.getString("name"), rs.getObject("start_date", LocalDate.class),
            rs.getObject("end_date", LocalDate.class)));
    if (found.isEmpty()) {
      if (termId != null) {
        throw InvalidInputException.of("term", "oversight.term.unknown", String.valueOf(termId));
      }
      throw InvalidInputException.of("term", "oversight.term.none");
    }
    return found.get(0);
  }

  public List<TermRef> terms() {
    return jdbc.query("SELECT id, name, start_date, end_date FROM cf_term WHERE start_date <= :today ORDER BY start_date DESC, id",
        new MapSqlParameterSource("today", clock.today()), (rs, n) -> new TermRef(rs.getLong("id"), rs.getString("name"),
            rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class)));
  }

  public Targets targets(Long termId) {
    TermRef term = term(termId);
    Instant now = clock.now();
    ZoneId zone = clock.zone();
    Instant from = term.start().atStartOfDay(zone).toInstant();
    Instant termEnd = term.end().plusDays(1).atStartOfDay(zone).toInstant();
    Instant to = termEnd.isBefore(now) ? termEnd : now;
    MapSqlParameterSource p = new MapSqlParameterSource("from", ts(from)).addValue("to", ts(to))
        .addValue("verifyCutoff", ts(Obligations.verifyCutoff(now)));

    long[] archive = jdbc.queryForObject("""
        SELECT COUNT(*) AS total, SUM(CASE WHEN ch.registered_at IS NOT NULL AND ch.registered_at < :to THEN 1 ELSE 0 END) AS registered
          FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id
         WHERE c.status <> 'NOT_ELIGIBLE' AND c.opened_at < :to AND (c.closed_at IS NULL OR c.closed_at >= :from)
        """, p, (rs, n) -> new long[] {rs.getLong("total"), rs.getLong("registered")});
    long[] pairing = jdbc.queryForObject("SELECT COUNT(*) AS active, SUM(CASE WHEN EXISTS (SELECT 1 FROM cf_pairing pr"
        + " WHERE pr.case_id = c.id AND pr.assigned_at < :to) THEN 1 ELSE 0 END) AS paired"
        + " FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id WHERE " + Obligations.activeCase(":from", ":to"),
        p, (rs, n) -> new long[] {rs.getLong("active"), rs.getLong("paired")});
    long meetingsHeld = jdbc.queryForObject(
        "SELECT COUNT(*) FROM cf_guardian_meeting WHERE held_at IS NOT NULL AND held_at >= :from AND held_at < :to", p, Long.class);

    List<MonthRate> months = talkMonths(term, now, zone);
    long active = 0;
    long onTime = 0;
    long missedTalks = 0;
    for (MonthRate m : months) {
      active += m.activeCases();
      onTime += m.onTime();
      missedTalks += m.activeCases() - m.withTalk();
    }
    Missed missed = new Missed(missedTalks, missedCheckIns(term, now, zone), missedMeetings(term, now, zone),
        jdbc.queryForObject("SELECT COUNT(*) FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id WHERE " + Obligations.UNVERIFIED,
            p, Long.class));
    return new Targets(term, rate(archive[1], archive[0]), rate(pairing[1], pairing[0]), rate(onTime, active), meetingsHeld, 0,
        archive[0], pairing[0], months, missed);
  }

  private static double rate(long part, long whole) {
    return whole == 0 ? 0 : Math.round(10000.0 * part / whole) / 10000.0;
  }

  /** Per ended month of the term: active cases, those with a talk record for the month, those on time. */
  List<MonthRate> talkMonths(TermRef term, Instant now, ZoneId zone) {
    List<Obligations.Period> months = Obligations.months(term.start(), term.end(), zone).stream().filter(m -> m.endedBy(now)).toList();
    if (months.isEmpty()) {
      return List.of();
    }
    MapSqlParameterSource p = new MapSqlParameterSource();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      Obligations.Period m = months.get(i);
      p.addValue("m" + i, m.label()).addValue("s" + i, ts(m.start())).addValue("e" + i, ts(m.end())).addValue("d" + i, m.last());
      parts.add("SELECT " + i + " AS i, COUNT(*) AS active,"
          + " SUM(CASE WHEN EXISTS (SELECT 1 FROM cf_monthly_talk mt WHERE mt.case_id = c.id AND mt.talk_month = :m" + i + ") THEN 1 ELSE 0 END) AS recorded,"
          + " SUM(CASE WHEN EXISTS (SELECT 1 FROM cf_monthly_talk mt WHERE mt.case_id = c.id AND mt.talk_month = :m" + i
          + " AND mt.talk_date <= :d" + i + ") THEN 1 ELSE 0 END) AS on_time"
          + " FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id WHERE " + Obligations.activeCase(":s" + i, ":e" + i));
    }
    List<MonthRate> out = new ArrayList<>(months.stream().map(m -> (MonthRate) null).toList());
    jdbc.query(String.join(" UNION ALL ", parts), p, rs -> {
      int i = rs.getInt("i");
      out.set(i, new MonthRate(months.get(i).label(), rs.getLong("active"), rs.getLong("recorded"), rs.getLong("on_time")));
    });
    return out;
  }

  /** Case-weeks of the term (ended weeks) in which an active, paired case had no mentor check-in. */
  long missedCheckIns(TermRef term, Instant now, ZoneId zone) {
    List<Obligations.Period> weeks = Obligations.weeks(term.start(), term.end(), zone).stream().filter(w -> w.endedBy(now)).toList();
    if (weeks.isEmpty()) {
      return 0;
    }
    MapSqlParameterSource p = new MapSqlParameterSource();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < weeks.size(); i++) {
      Obligations.Period w = weeks.get(i);
      p.addValue("s" + i, ts(w.start())).addValue("e" + i, ts(w.end())).addValue("f" + i, w.first()).addValue("l" + i, w.last());
      parts.add("SELECT COUNT(*) AS missed FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id WHERE "
          + Obligations.activeCase(":s" + i, ":e" + i)
          + " AND EXISTS (SELECT 1 FROM cf_pairing pr WHERE pr.case_id = c.id AND pr.assigned_at < :s" + i + ")"
          + " AND NOT EXISTS (SELECT 1 FROM cf_mentor_check_in ci WHERE ci.case_id = c.id AND ci.check_in_date BETWEEN :f" + i + " AND :l" + i + ")");
    }
    return jdbc.queryForList("SELECT SUM(missed) FROM (" + String.join(" UNION ALL ", parts) + ") w", p, Long.class)
        .stream().findFirst().map(v -> v == null ? 0L : v).orElse(0L);
  }

  /** Classes that had active cases in an ended term and held no guardian meeting in it. */
  long missedMeetings(TermRef term, Instant now, ZoneId zone) {
    Instant from = term.start().atStartOfDay(zone).toInstant();
    Instant end = term.end().plusDays(1).atStartOfDay(zone).toInstant();
    if (end.isAfter(now)) {
      return 0;
    }
    return Optional.ofNullable(jdbc.queryForObject("SELECT COUNT(DISTINCT ch.school_class_id) FROM cf_case c JOIN cf_child ch ON ch.id = c.child_id"
        + " WHERE " + Obligations.activeCase(":from", ":end")
        + " AND NOT EXISTS (SELECT 1 FROM cf_guardian_meeting gm WHERE gm.class_id = ch.school_class_id AND gm.held_at IS NOT NULL"
        + " AND gm.held_at >= :from AND gm.held_at < :end)",
        new MapSqlParameterSource("from", ts(from)).addValue("end", ts(end)), Long.class)).orElse(0L);
  }

  /** Each teacher's overdue and due-soon tasks by obligation (task key), for the digest e-mails. */
  public Map<String, List<GroupRow>> byAssigneeAndObligation() {
    String sql = "SELECT t.ASSIGNEE_ AS assignee, t.TASK_DEF_KEY_ AS gkey, MAX(t.NAME_) AS glabel, " + COUNTS + TASKS
        + " AND t.ASSIGNEE_ IS NOT NULL GROUP BY t.ASSIGNEE_, t.TASK_DEF_KEY_ ORDER BY t.ASSIGNEE_, overdue DESC";
    Map<String, List<GroupRow>> out = new java.util.TreeMap<>();
    jdbc.query(sql, cutoffs(clock.now()), rs -> {
      out.computeIfAbsent(rs.getString("assignee"), k -> new ArrayList<>())
          .add(new GroupRow(rs.getString("gkey"), rs.getString("glabel"), Counts.of(rs)));
    });
    return out;
  }
}
