package org.careflow.yearend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.shared.CareClock;
import org.careflow.shared.InvalidInputException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Term-end commendation (评选优秀留守儿童) and the mentors' scores as 篇29 defines them. For each child
 * with a term review in the term (class rank at the term's start and end, written by the class teacher):
 * <ul>
 *   <li>+10 for every rank gained in the class (rank before − rank after, when positive);</li>
 *   <li>+10 for staying in the class's top 5 (ranked 5 or better before and after);</li>
 *   <li>+20 for no serious misconduct (严重违纪违法), as the supervisor records it;</li>
 *   <li>+10 for the title "三好学生", as the supervisor records it.</li>
 * </ul>
 * A mentor's score is the sum of their mentees' scores (牵手扶助人员所得总分等于…各自所得考核分的总和); a
 * class teacher's is the average over the class's children (按本班相关学生所得考核均分). 篇29 counts it
 * over a school year; here each term's review gives the ranks, so a year is the sum of its two terms.
 */
@Service
public class Commendations {

  private final NamedParameterJdbcTemplate jdbc;
  private final CommendationRepository decisions;
  private final CareClock clock;

  Commendations(NamedParameterJdbcTemplate jdbc, CommendationRepository decisions, CareClock clock) {
    this.jdbc = jdbc;
    this.decisions = decisions;
    this.clock = clock;
  }

  /** One child's points, as 篇29 adds them up. Ranks may be missing (not written): then no rank points. */
  public static int score(Integer rankBefore, Integer rankAfter, boolean seriousMisconduct, boolean meritStudent) {
    int s = 0;
    if (rankBefore != null && rankAfter != null) {
      s += 10 * Math.max(0, rankBefore - rankAfter);
      if (rankBefore <= 5 && rankAfter <= 5) {
        s += 10;
      }
    }
    if (!seriousMisconduct) {
      s += 20;
    }
    if (meritStudent) {
      s += 10;
    }
    return s;
  }

  public record Row(long caseId, long childId, String childName, String className, String classTeacher, String mentor,
      Integer rankBefore, Integer rankAfter, boolean outstanding, boolean meritStudent, boolean seriousMisconduct, int score) {}

  public record TeacherScore(String teacher, int children, double score) {}

  /** The children with a term review in the term, with the supervisor's decisions and their points. */
  @Transactional(readOnly = true)
  public List<Row> rows(long termId) {
    Map<Long, Commendation> decided = new HashMap<>();
    decisions.findByTermId(termId).forEach(d -> decided.put(d.getCaseId(), d));
    List<Row> out = new ArrayList<>();
    jdbc.query("""
        select r.case_id, ch.id, ch.name, cl.name, cl.class_teacher, c.mentor, r.rank_before, r.rank_after
        from cf_term_review r join cf_case c on c.id = r.case_id join cf_child ch on ch.id = c.child_id
        join cf_class cl on cl.id = ch.school_class_id
        where r.term_id = :term and r.id = (select max(r2.id) from cf_term_review r2 where r2.case_id = r.case_id and r2.term_id = r.term_id)
        order by cl.grade, cl.name, ch.name""", new MapSqlParameterSource("term", termId), rs -> {
      long caseId = rs.getLong(1);
      Integer before = (Integer) rs.getObject(7, Integer.class);
      Integer after = (Integer) rs.getObject(8, Integer.class);
      Commendation d = decided.get(caseId);
      boolean merit = d != null && d.isMeritStudent();
      boolean misconduct = d != null && d.isSeriousMisconduct();
      out.add(new Row(caseId, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), before, after,
          d != null && d.isOutstanding(), merit, misconduct, score(before, after, misconduct, merit)));
    });
    return out;
  }

  /** Each mentor's score: the sum of the mentees' points, highest first. */
  public static List<TeacherScore> mentorScores(List<Row> rows) {
    Map<String, int[]> sums = new LinkedHashMap<>();
    rows.stream().filter(r -> r.mentor() != null).forEach(r -> {
      int[] s = sums.computeIfAbsent(r.mentor(), k -> new int[2]);
      s[0]++;
      s[1] += r.score();
    });
    return sums.entrySet().stream().map(e -> new TeacherScore(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
  }

  /** Each class teacher's score: the average of their class's children's points. */
  public static List<TeacherScore> classTeacherScores(List<Row> rows) {
    Map<String, int[]> sums = new LinkedHashMap<>();
    rows.stream().filter(r -> r.classTeacher() != null).forEach(r -> {
      int[] s = sums.computeIfAbsent(r.classTeacher(), k -> new int[2]);
      s[0]++;
      s[1] += r.score();
    });
    return sums.entrySet().stream().map(e -> new TeacherScore(e.getKey(), e.getValue()[0],
        Math.round(10.0 * e.getValue()[1] / e.getValue()[0]) / 10.0)).sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
  }

  /**
   * Records the supervisor's decisions for the term's children in one transaction: the ticked ones
   * are outstanding, 三好学生, or had serious misconduct. A case without a review in the term is refused.
   */
  @Transactional
  public void decide(long termId, Collection<Long> outstanding, Collection<Long> merit, Collection<Long> misconduct, String by) {
    Set<Long> known = new java.util.HashSet<>();
    rows(termId).forEach(r -> known.add(r.caseId()));
    for (Collection<Long> ids : List.of(outstanding, merit, misconduct)) {
      if (!known.containsAll(ids)) {
        throw InvalidInputException.of("cases", "validation.option");
      }
    }
    Map<Long, Commendation> decided = new HashMap<>();
    decisions.findByTermId(termId).forEach(d -> decided.put(d.getCaseId(), d));
    for (Long caseId : known) {
      Commendation d = decided.getOrDefault(caseId, new Commendation(termId, caseId));
      d.decide(outstanding.contains(caseId), merit.contains(caseId), misconduct.contains(caseId), by, clock.now());
      decisions.save(d);
    }
  }
}
