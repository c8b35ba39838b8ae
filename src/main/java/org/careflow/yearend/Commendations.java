package org.careflow.yearend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.Child;
import org.careflow.school.SchoolClass;
import org.careflow.shared.CareClock;
import org.careflow.termreview.TermReviewFacts;
import org.careflow.shared.InvalidInputException;
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

  private final TermReviewFacts reviews;
  private final CareCases cases;
  private final CommendationRepository decisions;
  private final CareClock clock;

  Commendations(TermReviewFacts reviews, CareCases cases, CommendationRepository decisions, CareClock clock) {
    this.reviews = reviews;
    this.cases = cases;
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
    Map<Long, Integer> grades = new HashMap<>();
    Map<Long, Commendation> decided = new HashMap<>();
    decisions.findByTermId(termId).forEach(d -> decided.put(d.getCaseId(), d));
    List<TermReviewFacts.Ranks> reviewed = reviews.latestOfTerm(termId);
    Map<Long, CareCase> caseOf = cases.withChildren(reviewed.stream().map(TermReviewFacts.Ranks::caseId).toList());
    List<Row> out = new ArrayList<>();
    for (TermReviewFacts.Ranks r : reviewed) {
      CareCase c = caseOf.get(r.caseId());
      Child ch = c.getChild();
      SchoolClass cl = ch.getSchoolClass();
      Commendation d = decided.get(r.caseId());
      boolean merit = d != null && d.isMeritStudent();
      boolean misconduct = d != null && d.isSeriousMisconduct();
      out.add(new Row(r.caseId(), ch.getId(), ch.getName(), cl.getName(), cl.getClassTeacher(), c.getMentor(), r.rankBefore(), r.rankAfter(),
          d != null && d.isOutstanding(), merit, misconduct, score(r.rankBefore(), r.rankAfter(), misconduct, merit)));
    }
    grades.putAll(gradesOf(caseOf));
    out.sort(java.util.Comparator.comparingInt((Row x) -> grades.getOrDefault(x.caseId(), 0)).thenComparing(Row::className)
        .thenComparing(Row::childName));
    return out;
  }

  private static Map<Long, Integer> gradesOf(Map<Long, CareCase> cases) {
    Map<Long, Integer> out = new HashMap<>();
    cases.forEach((id, c) -> out.put(id, c.getChild().getSchoolClass().getGrade()));
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
    Map<Long, Integer> grades = new HashMap<>();
    Map<Long, Commendation> decided = new HashMap<>();
    decisions.findByTermId(termId).forEach(d -> decided.put(d.getCaseId(), d));
    for (Long caseId : known) {
      Commendation d = decided.getOrDefault(caseId, new Commendation(termId, caseId));
      d.decide(outstanding.contains(caseId), merit.contains(caseId), misconduct.contains(caseId), by, clock.now());
      decisions.save(d);
    }
  }
}
