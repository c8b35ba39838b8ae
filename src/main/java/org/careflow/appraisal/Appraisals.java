package org.careflow.appraisal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careflow.identity.Audit;
import org.camunda.bpm.engine.HistoryService;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.school.School;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.Teacher;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.yearend.Commendations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The teachers' term appraisal (考核). For each class teacher and mentor (帮扶教师) of a school and a term:
 * <ul>
 *   <li>their obligations done in the term, on time and late: the user tasks they were given in the term's
 *       period of work (its first day to the next term's first day: the term reviews and holiday tasks after
 *       its last day belong to it) and completed, from the engine's task history
 *       ({@link HistoryService}); a task is <em>on time</em> when completed by its due date (or it had
 *       none), late otherwise. Grouped as {@link #OBLIGATIONS} says;</li>
 *   <li>the records they wrote about children in the same period: the changes the audit trail holds in their name
 *       (records, archives built and changed, cases closed);</li>
 *   <li>their open work overdue today (oversight's per-assignee figures), for the term running today only;</li>
 *   <li>the 篇29 score ({@link Commendations}): a mentor's the sum over the mentees, a class teacher's the
 *       class average;</li>
 *   <li>the supervisor's grade, comment and 评优 selection ({@link Appraisal}).</li>
 * </ul>
 * The page's actions, each one transaction; who sees and grades what is {@link AppraisalAccess}'s, the
 * figures are {@link TermFigures}'.
 */
@Service
public class Appraisals {

  /** The grades, best first; shown as {@code appraisal.grade.<code>} (优秀, 良好, 合格, 不合格). */
  public static final List<String> GRADES = List.of("EXCELLENT", "GOOD", "PASS", "FAIL");
  public static final int COMMENT_MAX = 1000;

  /** The kinds of obligation (message {@code appraisal.obligation.<kind>}) and the user tasks that fulfil them. */
  public static final Map<String, Set<String>> OBLIGATIONS = obligations();

  private static Map<String, Set<String>> obligations() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("talks", Set.of("monthlyTalk"));
    m.put("checkIns", Set.of("firstMeeting", "weeklyCheckIn", "holidayMenteeContact"));
    m.put("visits", Set.of("verificationVisit", "quarterlyVisit", "absenteeHomeVisit"));
    m.put("calls", Set.of("parentFeedback", "parentsUnreachable", "askCarer"));
    m.put("meetings", Set.of("planMeeting", "sendInvitations", "holdMeeting", "springFestivalMeeting"));
    m.put("reviews", Set.of("termReview"));
    m.put("plans", Set.of("writeSupportPlan", "reviewSupportPlan"));
    m.put("other", Set.of());
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Obligations done on time and late. */
  public record Done(int onTime, int late) {
    public static final Done NONE = new Done(0, 0);

    public int total() {
      return onTime + late;
    }

    Done plus(boolean inTime) {
      return inTime ? new Done(onTime + 1, late) : new Done(onTime, late + 1);
    }
  }

  /** One kind of task done, as the engine names it, for a teacher's detail. */
  public record TaskKind(String name, String kind, Done done) {}

  /** The supervisor's part, as shown. */
  public record Grade(String grade, String comment, boolean outstandingClassTeacher, boolean outstandingMentor, String gradedBy,
      String gradedByName, Instant gradedAt) {}

  /**
   * One teacher's term. {@code username} is for links and look-ups only, never shown; {@code overdueNow}
   * is null for a term not running today; a score is null when the teacher has no child with a term review.
   */
  public record TeacherRow(long teacherId, String username, String name, List<String> classes, boolean classTeacher, boolean mentor,
      Map<String, Done> obligations, Done total, long records, Long overdueNow, Double classTeacherScore, Double mentorScore,
      Grade grade) {}

  public record SchoolAppraisal(long schoolId, String schoolName, long termId, String termName, LocalDate termStart, LocalDate termEnd,
      boolean mayGrade, List<TeacherRow> teachers) {}

  /** A teacher's appraisal with the tasks behind the figures. */
  public record Detail(SchoolAppraisal school, TeacherRow row, List<TaskKind> tasks) {}

  public record GradeForm(String grade, String comment, boolean outstandingClassTeacher, boolean outstandingMentor) {}

  private final SchoolClassRepository classes;
  private final TermRepository terms;
  private final AppraisalRepository appraisals;
  private final Audit audit;
  private final CareClock clock;
  private final AppraisalAccess access;
  private final TermFigures figures;

  Appraisals(SchoolClassRepository classes, TermRepository terms, AppraisalRepository appraisals, Audit audit, CareClock clock,
      AppraisalAccess access, TermFigures figures) {
    this.classes = classes;
    this.terms = terms;
    this.appraisals = appraisals;
    this.audit = audit;
    this.clock = clock;
    this.access = access;
    this.figures = figures;
  }

  /** The names of the terms of the schools they see, newest first, with one term id each (the page's choice). */
  @Transactional(readOnly = true)
  public Map<Long, String> termChoices(CurrentUser u) {
    List<Term> all = new ArrayList<>();
    for (School s : access.schoolsOf(u)) {
      all.addAll(terms.findBySchoolIdOrderByStartDate(s.getId()));
    }
    all.sort(Comparator.comparing(Term::getStartDate).reversed());
    Map<String, Long> byName = new LinkedHashMap<>();
    all.forEach(t -> byName.putIfAbsent(t.getName(), t.getId()));
    Map<Long, String> out = new LinkedHashMap<>();
    byName.forEach((name, id) -> out.put(id, name));
    return out;
  }

  /**
   * The appraisals of each school they see for a term: {@code termId} names a term of one of these
   * schools, and each school's term of the same name is taken (a township's schools share their terms'
   * names); none: the term each school is in today (or its latest begun). Another school's term: refused.
   */
  @Transactional(readOnly = true)
  public List<SchoolAppraisal> list(CurrentUser u, Long termId) {
    List<School> scope = access.schoolsOf(u);
    String termName = terms.nameOfTermIn(scope, termId);
    List<SchoolAppraisal> out = new ArrayList<>();
    for (School s : scope) {
      Term t = termName == null ? access.currentTerm(s.getId()) : terms.findBySchoolIdAndName(s.getId(), termName).orElse(null);
      if (t != null) {
        boolean all = u.isAdmin() || (u.has(Roles.SUPERVISOR) && u.schools().contains(s.getId()));
        out.add(figures.school(s, t, AppraisalAccess.mayGrade(u, s.getId()), all ? null : u.id()));
      }
    }
    return out;
  }

  /** One teacher's appraisal: for their school's supervisors, administrators and themselves; 404 for anyone else. */
  @Transactional(readOnly = true)
  public Detail detail(CurrentUser u, long teacherId, Long termId) {
    Teacher t = access.visibleTeacher(u, teacherId);
    Term term = access.termOf(t, termId);
    SchoolAppraisal s = figures.school(t.getSchool(), term, AppraisalAccess.mayGrade(u, t.getSchool().getId()), t.getUsername());
    TeacherRow row = s.teachers().stream().findFirst().orElseGet(() -> figures.row(t, term, Set.of(), Map.of(), Map.of(), Map.of(), null));
    return new Detail(s, row, figures.taskKinds(t.getUsername(), term));
  }

  /**
   * The supervisor grades a teacher's term: checked before anything is written (a grade of the list; a
   * comment of at most {@value #COMMENT_MAX} characters; 优秀班主任 only for a class teacher and
   * 优秀帮扶教师 only for a mentor, each only with the grade 优秀; a term that has begun), then written and
   * audited in one transaction. Only the school's supervisors and administrators: others of the school get
   * 403, people of other schools 404.
   */
  @Transactional
  public Appraisal grade(CurrentUser u, long teacherId, Long termId, GradeForm f) {
    Teacher t = access.visibleTeacher(u, teacherId);
    if (!AppraisalAccess.mayGrade(u, t.getSchool().getId())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    Term term = access.termOf(t, termId);
    FieldErrors errors = new FieldErrors();
    String grade = f.grade() == null ? "" : f.grade().strip();
    if (grade.isEmpty()) {
      errors.reject("grade", "validation.required");
    } else if (!GRADES.contains(grade)) {
      errors.reject("grade", "validation.option");
    }
    String comment = f.comment() == null ? null : f.comment().strip();
    if (comment != null && comment.isEmpty()) {
      comment = null;
    }
    if (comment != null && comment.length() > COMMENT_MAX) {
      errors.reject("comment", "validation.tooLong", COMMENT_MAX);
    } else if (comment != null && comment.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      errors.reject("comment", "validation.characters");
    }
    boolean classTeacher = !classes.findByClassTeacherOrderByName(t.getUsername()).stream()
        .filter(c -> c.getSchool().getId().equals(t.getSchool().getId())).toList().isEmpty();
    boolean mentor = t.isMentor() || figures.mentorScores(term).containsKey(t.getUsername());
    if (f.outstandingClassTeacher() && !classTeacher) {
      errors.reject("outstandingClassTeacher", "appraisal.error.notClassTeacher");
    }
    if (f.outstandingMentor() && !mentor) {
      errors.reject("outstandingMentor", "appraisal.error.notMentor");
    }
    if ((f.outstandingClassTeacher() || f.outstandingMentor()) && GRADES.contains(grade) && !"EXCELLENT".equals(grade)) {
      errors.reject("grade", "appraisal.error.outstandingNeedsExcellent");
    }
    if (term.getStartDate().isAfter(clock.today())) {
      errors.reject("term", "appraisal.error.termNotBegun");
    }
    errors.throwIfAny();
    Appraisal a = appraisals.findByTermIdAndTeacher(term.getId(), t.getUsername()).orElseGet(() -> new Appraisal(term.getId(), t.getUsername()));
    a.grade(grade, comment, f.outstandingClassTeacher(), f.outstandingMentor(), u.id(), clock.now());
    Appraisal saved = appraisals.save(a);
    audit.change(u.id(), Audit.APPRAISE, null, null, "teacher " + t.getId() + ", term " + term.getId() + ": " + grade
        + (f.outstandingClassTeacher() ? ", outstanding class teacher" : "") + (f.outstandingMentor() ? ", outstanding mentor" : ""));
    return saved;
  }
}
