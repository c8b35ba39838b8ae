package org.careflow.child;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careflow.school.Term;
import org.careflow.school.TermCalendar;
import org.careflow.shared.CareClock;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cases of children: opened at registration, decided, paired, moved from term to term, closed. */
@Service
@Transactional
public class CareCases {

  /** Why a case was closed early (the `closeCase` message) or at a term review. */
  public static final List<String> CLOSE_REASONS = List.of("PARENTS_RETURNED", "TRANSFERRED", "GRADUATED", "TERM_REVIEW",
      "DROPPED_OUT", "DIED", "OTHER");

  private final CareCaseRepository cases;
  private final ChildArchive archive;
  private final TermCalendar calendar;
  private final CareClock clock;
  private final org.careflow.identity.ScopeAuthorizations scopeGrants;
  private final CaseFacts facts;
  private final jakarta.persistence.EntityManager em;

  public CareCases(CareCaseRepository cases, ChildArchive archive, TermCalendar calendar, CareClock clock,
      org.careflow.identity.ScopeAuthorizations scopeGrants, CaseFacts facts, jakarta.persistence.EntityManager em) {
    this.em = em;
    this.facts = facts;
    this.scopeGrants = scopeGrants;
    this.cases = cases;
    this.archive = archive;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The term a school's new cases open in today (or the next one). */
  @Transactional(readOnly = true)
  public long currentTermId(long schoolId) {
    return calendar.termOn(schoolId, clock.today()).getId();
  }

  /** Opens a case for a child just created (an import): no need to look for an open one. */
  public CareCase openNew(Child child, long termId, String actor) {
    CareCase c = cases.save(new CareCase(child, termId, clock.now(), actor));
    facts.changed(c);
    return c;
  }

  /** Opens a case for a child, in the term the school is in today (or the next one). */
  public CareCase open(long childId, String actor) {
    Child child = archive.child(childId);
    if (cases.findByChildIdOrderByOpenedAtDesc(childId).stream().anyMatch(CareCase::isOpen)) {
      throw InvalidInputException.of("child", "validation.caseAlreadyOpen");
    }
    Term term = calendar.termOn(child.getSchoolClass().getSchool().getId(), clock.today());
    CareCase c = cases.save(new CareCase(child, term.getId(), clock.now(), actor));
    facts.changed(c);
    return c;
  }

  @Transactional(readOnly = true)
  public CareCase careCase(long caseId) {
    return cases.findById(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
  }

  @Transactional(readOnly = true)
  public List<CareCase> casesOfChild(long childId) {
    return cases.findByChildIdOrderByOpenedAtDesc(childId);
  }

  /**
   * Case ids go to the database in chunks of one of two fixed sizes (an inbox page's 20 rows, or 200 for a
   * school's lists), the last id repeated to fill a chunk, so that each query has one of two shapes:
   * Hibernate reuses a query's SQL only while its parameters keep their shape, and an {@code in (:list)}
   * of another length each time made it translate the query again at every call (a fifth of an inbox
   * page's time, docs/PERFORMANCE.md).
   */
  private static final int[] CHUNKS = {20, 200};

  private static String idsIn(int n) {
    return "c.id in (" + java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "?" + i).collect(Collectors.joining(", ")) + ")";
  }

  private static final String WITH_CHILDREN = "select c from CareCase c join fetch c.child ch join fetch ch.schoolClass where ";

  private static final String CHILD_AND_CLASS = "select new org.careflow.child.CaseOfChild(c.id, ch.id, ch.name, sc.id, sc.name)"
      + " from CareCase c join c.child ch join ch.schoolClass sc where ";

  private static final Map<String, String[]> SHAPES = Map.of(
      WITH_CHILDREN, new String[] {WITH_CHILDREN + idsIn(CHUNKS[0]), WITH_CHILDREN + idsIn(CHUNKS[1])},
      CHILD_AND_CLASS, new String[] {CHILD_AND_CLASS + idsIn(CHUNKS[0]), CHILD_AND_CLASS + idsIn(CHUNKS[1])});

  private <T> List<T> byChunks(String select, Class<T> type, Collection<Long> caseIds) {
    List<Long> ids = caseIds.stream().distinct().toList();
    List<T> out = new java.util.ArrayList<>();
    int from = 0;
    while (from < ids.size()) {
      int shape = ids.size() - from <= CHUNKS[0] ? 0 : 1;
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNKS[shape]));
      jakarta.persistence.TypedQuery<T> q = em.createQuery(SHAPES.get(select)[shape], type);
      for (int i = 0; i < CHUNKS[shape]; i++) {
        q.setParameter(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
      }
      out.addAll(q.getResultList());
      from += chunk.size();
    }
    return out;
  }

  /** Cases with their child and class loaded, keyed by case id: one query for a page of tasks. */
  @Transactional(readOnly = true)
  public Map<Long, CareCase> withChildren(Collection<Long> caseIds) {
    return byChunks(WITH_CHILDREN, CareCase.class, caseIds).stream().collect(Collectors.toMap(CareCase::getId, Function.identity()));
  }

  /**
   * The child and class of each case, keyed by case id: five columns a case, no entities (the inbox's
   * counts per class, which need no more; where the transaction goes on to work on the cases, as a task's
   * completion does, {@link #withChildren} leaves them loaded for it).
   */
  @Transactional(readOnly = true)
  public Map<Long, CaseOfChild> childAndClass(Collection<Long> caseIds) {
    return byChunks(CHILD_AND_CLASS, CaseOfChild.class, caseIds).stream()
        .collect(Collectors.toMap(CaseOfChild::caseId, Function.identity()));
  }

  /**
   * One case with its child and class, or empty. Looked up by id, not by a query: a case this transaction
   * already holds (an import has just opened it, a timer job has read it) costs no statement, and Hibernate
   * need not flush the transaction's changes first, which a query makes it do (an import's chunk of new
   * children and cases, checked again at each of its many case starts). Otherwise one select joins the three.
   */
  @Transactional(readOnly = true)
  public Optional<CareCase> withChild(long caseId) {
    jakarta.persistence.EntityGraph<CareCase> graph = em.createEntityGraph(CareCase.class);
    graph.addSubgraph("child").addAttributeNodes("schoolClass");
    return Optional.ofNullable(em.find(CareCase.class, caseId, Map.of("jakarta.persistence.fetchgraph", graph)));
  }

  /**
   * The child and class of each business key that is a case id: what a task of `child-case` and of the
   * processes it calls (family ties, support plan) is about.
   */
  @Transactional(readOnly = true)
  public Map<String, org.careflow.shared.TaskSubjects.Subject> subjectsOf(Collection<String> businessKeys) {
    List<Long> ids = businessKeys.stream().flatMap(k -> org.careflow.shared.BusinessKey.parse(k).stream()).toList();
    Map<String, org.careflow.shared.TaskSubjects.Subject> out = new java.util.HashMap<>();
    withChildren(ids).forEach((id, c) -> out.put(id.toString(),
        new org.careflow.shared.TaskSubjects.Subject(c.getChild().getName(), c.getChild().getSchoolClass().getName(),
            c.getChild().getSchoolClass().getId(), c.getChild().getId())));
    return out;
  }

  /** Open cases of a class and/or whose child's name contains the text (either may be null). */
  @Transactional(readOnly = true)
  public List<Long> openCaseIds(Long classId, String childName) {
    return cases.findOpenIds(List.of(CaseStatus.ENROLLING, CaseStatus.ACTIVE), classId,
        childName == null ? null : "%" + childName.replace("\\", "").replace("%", "").replace("_", "") + "%");
  }

  @Transactional(readOnly = true)
  public List<CareCase> openCasesOfClass(long classId) {
    return cases.findByClassAndStatusIn(classId, List.of(CaseStatus.ACTIVE));
  }

  /** Active mentees per mentor: pairing offers the teachers with the fewest first. */
  @Transactional(readOnly = true)
  public Map<String, Long> menteeCounts() {
    return cases.countActiveByMentor().stream()
        .collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
  }

  public void decideEligibility(long caseId, boolean eligible, String reason) {
    CareCase c = careCase(caseId);
    CaseStatus before = c.getStatus();
    c.decideEligibility(eligible, reason);
    if (before != c.getStatus()) {
      facts.changed(c);
    }
  }

  public void activate(long caseId) {
    CareCase c = careCase(caseId);
    CaseStatus before = c.getStatus();
    c.activate();
    if (before != c.getStatus()) {
      facts.changed(c);
    }
  }

  /** Pairs the case; the engine's grants follow the mentor (the new one reads the case, an earlier one no longer). */
  public void pair(long caseId, String mentor, Long buddyChildId) {
    CareCase c = careCase(caseId);
    String before = c.getMentor();
    c.pair(mentor, buddyChildId);
    scopeGrants.mentorChanged(Long.toString(caseId), before, mentor);
  }

  /** The ids of the open cases this teacher is the mentor of. */
  @Transactional(readOnly = true)
  public List<Long> openCasesOfMentor(String mentor) {
    return cases.findByMentorAndStatusIn(mentor, List.of(CaseStatus.ENROLLING, CaseStatus.ACTIVE)).stream().map(CareCase::getId).toList();
  }

  /** A mentor left: their mentee goes to a colleague (the buddy stays); the engine's grants follow. */
  public void changeMentor(long caseId, String mentor) {
    CareCase c = careCase(caseId);
    pair(caseId, mentor, c.getBuddyChildId());
  }

  /** Whether cases are running (being registered or in care) in this term. */
  @Transactional(readOnly = true)
  public long runningCasesInTerm(long termId) {
    return cases.countByTermIdAndStatusIn(termId, List.of(CaseStatus.ENROLLING, CaseStatus.ACTIVE));
  }

  /** Whether any case, running or ended, belongs to this term (its history would lose its term). */
  @Transactional(readOnly = true)
  public long casesInTerm(long termId) {
    return cases.countByTermId(termId);
  }

  /** Moves the case into the school's next term; empty when the calendar has no next term yet. */
  public Optional<Term> moveToNextTerm(long caseId) {
    CareCase c = careCase(caseId);
    Optional<Term> next = calendar.termAfter(calendar.term(c.getTermId()));
    next.ifPresent(t -> c.moveToTerm(t.getId()));
    return next;
  }

  public void close(long caseId, String reason, String note) {
    if (!CLOSE_REASONS.contains(reason)) {
      throw InvalidInputException.of("reason", "validation.option");
    }
    if (note != null && note.length() > 300) {
      throw InvalidInputException.of("note", "validation.tooLong", 300);
    }
    if ("OTHER".equals(reason) && (note == null || note.isBlank())) {
      throw InvalidInputException.of("note", "validation.closeNoteRequired");
    }
    CareCase c = careCase(caseId);
    if (!c.isOpen()) {
      throw InvalidInputException.of("reason", "validation.caseNotOpen");
    }
    c.close(reason, note, clock.now());
    facts.changed(c);
  }

  @Transactional(readOnly = true)
  public Term termOf(long caseId) {
    return calendar.term(careCase(caseId).getTermId());
  }
}
