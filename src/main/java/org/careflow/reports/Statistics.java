package org.careflow.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.child.CareType;
import org.careflow.child.Child;
import org.careflow.child.ChildRepository;
import org.careflow.identity.CurrentUser;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.careflow.shared.CareClock;
import org.careflow.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The township's statistics of left-behind children (篇3/4/11/18/26): per school and term, the children
 * in care by sex, grade, kind of care, guardian and boarding, and the changes since the school's previous
 * term (new, left and why, parents returned). A child counts in a term when one of their cases was in
 * care (not refused) some day of it, as in the class file.
 */
@Service
public class Statistics {

  /** The figures in the order of the workbook's columns; each is a message code {@code reports.stat.<key>}. */
  public static final List<String> FIGURES = List.of("children", "male", "female",
      "grade1", "grade2", "grade3", "grade4", "grade5", "grade6", "grade7", "grade8", "grade9",
      "bothAway", "oneAway", "singleParent", "orphan", "careOther",
      "guardianGrandparents", "guardianParent", "guardianRelatives", "guardianAlone",
      "boarding", "newThisTerm", "left", "parentsReturned", "droppedOut", "absenceFollowUps", "returnedAfterFollowUp");

  public record Leaver(String name, String className, LocalDate closed, String reason, String note) {}

  public record SchoolFigures(long schoolId, String schoolName, String termName, Map<String, Integer> figures, List<Leaver> leavers,
      List<Long> childIds) {
    /** 巩固率: the share of the term's children in care who did not drop out of school in it (1 with no child). */
    public double retentionRate() {
      return retention(figures);
    }
  }

  static double retention(Map<String, Integer> f) {
    int n = f.getOrDefault("children", 0);
    return n == 0 ? 1.0 : (n - f.getOrDefault("droppedOut", 0)) / (double) n;
  }

  private final SchoolRepository schools;
  private final SchoolClassRepository classes;
  private final TermRepository terms;
  private final ChildRepository children;
  private final CareCases cases;
  private final ChildFiles files;
  private final CareClock clock;

  private final org.careflow.absence.AbsenceFollowUps absences;

  Statistics(SchoolRepository schools, SchoolClassRepository classes, TermRepository terms, ChildRepository children, CareCases cases,
      ChildFiles files, CareClock clock, org.careflow.absence.AbsenceFollowUps absences) {
    this.absences = absences;
    this.schools = schools;
    this.classes = classes;
    this.terms = terms;
    this.children = children;
    this.cases = cases;
    this.files = files;
    this.clock = clock;
  }

  /** The schools this user reports for: their school groups (supervisors, coordinators, counsellors); every school for administrators. */
  @Transactional(readOnly = true)
  public List<School> schoolsOf(CurrentUser u) {
    List<School> all = schools.findAll();
    all.sort(Comparator.comparing(School::getId));
    if (u.isAdmin()) {
      return all;
    }
    Set<Long> mine = u.schools();
    return all.stream().filter(s -> mine.contains(s.getId())).toList();
  }

  /**
   * The figures of each school in scope for a term: {@code termId} names a term of one of these schools,
   * and each school's term of the same name is taken (the schools of a township share their terms' names);
   * none given: the term each school is in today.
   */
  @Transactional(readOnly = true)
  public List<SchoolFigures> figures(CurrentUser u, Long termId) {
    List<School> scope = schoolsOf(u);
    String termName = terms.nameOfTermIn(scope, termId);
    List<SchoolFigures> out = new ArrayList<>();
    for (School s : scope) {
      Term t = termName == null ? files.currentTerm(s.getId()) : terms.findBySchoolIdAndName(s.getId(), termName).orElse(null);
      if (t != null) {
        out.add(figures(s, t));
      }
    }
    return out;
  }

  /** One school's figures of one of its terms (the term-end archive's task). */
  @Transactional(readOnly = true)
  public SchoolFigures figuresOf(long schoolId, long termId) {
    Term t = terms.findById(termId).orElseThrow(() -> InvalidInputException.of("term", "validation.option"));
    if (t.getSchool().getId() != schoolId) {
      throw InvalidInputException.of("term", "validation.option");
    }
    return figures(schools.findById(schoolId).orElseThrow(), t);
  }

  /** The id of the school's term of this name. */
  @Transactional(readOnly = true)
  public long termIdOf(long schoolId, String termName) {
    return terms.findBySchoolIdAndName(schoolId, termName).orElseThrow().getId();
  }

  /** The names of the terms of the schools in scope, newest first, with one id each (for the page's choice). */
  @Transactional(readOnly = true)
  public Map<Long, String> termChoices(CurrentUser u) {
    Map<String, Long> byName = new LinkedHashMap<>();
    List<Term> all = new ArrayList<>();
    for (School s : schoolsOf(u)) {
      all.addAll(terms.findBySchoolIdOrderByStartDate(s.getId()));
    }
    all.sort(Comparator.comparing(Term::getStartDate).reversed());
    all.forEach(t -> byName.putIfAbsent(t.getName(), t.getId()));
    Map<Long, String> out = new LinkedHashMap<>();
    byName.forEach((name, id) -> out.put(id, name));
    return out;
  }

  SchoolFigures figures(School school, Term term) {
    Term previous = terms.findBySchoolIdOrderByStartDate(school.getId()).stream()
        .filter(t -> t.getEndDate().isBefore(term.getStartDate())).reduce((a, b) -> b).orElse(null);
    Map<String, Integer> f = new LinkedHashMap<>();
    FIGURES.forEach(k -> f.put(k, 0));
    List<Leaver> leavers = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (SchoolClass c : classes.findBySchoolIdOrderByGradeAscNameAsc(school.getId())) {
      for (Child child : children.findBySchoolClassIdOrderByName(c.getId())) {
        if (child.getAnonymisedAt() != null) {
          continue;
        }
        List<CareCase> childCases = cases.casesOfChild(child.getId());
        if (childCases.stream().noneMatch(k -> k.inCareDuring(term, clock.zone()))) {
          continue;
        }
        ids.add(child.getId());
        inc(f, "children");
        if ("M".equals(child.getSex())) {
          inc(f, "male");
        } else if ("F".equals(child.getSex())) {
          inc(f, "female");
        }
        if (c.getGrade() >= 1 && c.getGrade() <= 9) {
          inc(f, "grade" + c.getGrade());
        }
        inc(f, careKind(child.getCareType()));
        inc(f, guardianKind(child.getGuardianRelationship()));
        if (child.isBoarding()) {
          inc(f, "boarding");
        }
        if (previous == null || childCases.stream().noneMatch(k -> k.inCareDuring(previous, clock.zone()))) {
          inc(f, "newThisTerm");
        }
        for (CareCase k : childCases) {
          if (k.getClosedAt() == null || k.getCloseReason() == null) {
            continue;
          }
          LocalDate closed = k.getClosedAt().atZone(clock.zone()).toLocalDate();
          if (closed.isBefore(term.getStartDate()) || closed.isAfter(term.getEndDate())) {
            continue;
          }
          inc(f, "left");
          if ("PARENTS_RETURNED".equals(k.getCloseReason())) {
            inc(f, "parentsReturned");
          }
          if ("DROPPED_OUT".equals(k.getCloseReason())) {
            inc(f, "droppedOut");
          }
          leavers.add(new Leaver(child.getName(), c.getName(), closed, k.getCloseReason(), k.getCloseNote()));
        }
      }
    }
    // 劝返: the term's follow-ups of absent children (the class teachers' talk cards), and how many came back
    for (org.careflow.absence.AbsenceFollowUps.FollowUp a : absences.ofSchool(school.getId(), term.getStartDate(), term.getEndDate())) {
      inc(f, "absenceFollowUps");
      if ("RETURNED".equals(a.outcome()) || "PERSUADED".equals(a.outcome())) {
        inc(f, "returnedAfterFollowUp");
      }
    }
    return new SchoolFigures(school.getId(), school.getName(), term.getName(), f, leavers, ids);
  }

  static String careKind(CareType t) {
    if (t == null) {
      return "careOther";
    }
    return switch (t) {
      case BOTH_AWAY -> "bothAway";
      case ONE_AWAY -> "oneAway";
      case SINGLE_PARENT_AWAY -> "singleParent";
      case ORPHAN -> "orphan";
      default -> "careOther";
    };
  }

  /** Who the child lives with, from the archive's relationship (free text as schools write it). */
  static String guardianKind(String relationship) {
    String r = relationship == null ? "" : relationship.strip().toLowerCase();
    if (r.isEmpty() || r.matches(".*(无|自己|本人|独居|alone|none|self).*")) {
      return "guardianAlone";
    }
    if (r.matches(".*(祖|爷|奶|外公|外婆|姥|grand).*")) {
      return "guardianGrandparents";
    }
    if (r.matches("(父亲|母亲|父|母|爸爸|妈妈|father|mother|parent)")) {
      return "guardianParent";
    }
    return "guardianRelatives";
  }

  /** The township's total: every school's figures added up. */
  static Map<String, Integer> total(List<SchoolFigures> list) {
    Map<String, Integer> t = new LinkedHashMap<>();
    FIGURES.forEach(k -> t.put(k, 0));
    for (SchoolFigures s : list) {
      s.figures().forEach((k, v) -> t.merge(k, v, Integer::sum));
    }
    return t;
  }

  private static void inc(Map<String, Integer> f, String key) {
    f.merge(key, 1, Integer::sum);
  }

  static Set<Long> unique(List<Long> ids) {
    return new HashSet<>(ids);
  }
}
