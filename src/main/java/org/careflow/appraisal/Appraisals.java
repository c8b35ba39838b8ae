package org.careflow.appraisal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.identity.Roles;
import org.careflow.oversight.OversightQueries;
import org.careflow.oversight.Scope;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.SchoolRepository;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.InvalidInputException;
import org.careflow.shared.NotFoundException;
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
 * Who sees what: an administrator every school; a supervisor (校长, 分管领导, a township officer) the
 * schools of their {@code school-<id>} groups, every teacher of them, and grades them; anyone else at most
 * their own appraisal (a teacher), or nothing.
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

  static String kindOf(String taskKey) {
    for (Map.Entry<String, Set<String>> e : OBLIGATIONS.entrySet()) {
      if (e.getValue().contains(taskKey)) {
        return e.getKey();
      }
    }
    return "other";
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

  private final SchoolRepository schools;
  private final SchoolClassRepository classes;
  private final TeacherRepository teachers;
  private final TermRepository terms;
  private final AppraisalRepository appraisals;
  private final HistoryService history;
  private final Audit audit;
  private final OversightQueries oversight;
  private final Commendations commendations;
  private final CareClock clock;
  private final org.careflow.identity.PersonNames people;

  Appraisals(org.careflow.identity.PersonNames people, SchoolRepository schools, SchoolClassRepository classes, TeacherRepository teachers, TermRepository terms,
      AppraisalRepository appraisals, HistoryService history, Audit audit, OversightQueries oversight, Commendations commendations,
      CareClock clock) {
    this.schools = schools;
    this.classes = classes;
    this.teachers = teachers;
    this.terms = terms;
    this.appraisals = appraisals;
    this.history = history;
    this.audit = audit;
    this.oversight = oversight;
    this.commendations = commendations;
    this.clock = clock;
    this.people = people;
  }

  /** Whether they appraise every teacher of their schools (supervisors, administrators). */
  static boolean appraiser(CurrentUser u) {
    return u.isAdmin() || u.has(Roles.SUPERVISOR);
  }

  /** Whether they grade the teachers of this school. */
  static boolean mayGrade(CurrentUser u, long schoolId) {
    return u.isAdmin() || (u.has(Roles.SUPERVISOR) && u.schools().contains(schoolId));
  }

  /** The schools whose appraisals they see: all (admin), their schools (supervisor), their own school as a teacher, or none. */
  @Transactional(readOnly = true)
  public List<School> schoolsOf(CurrentUser u) {
    List<School> all = new ArrayList<>(schools.findAll());
    all.sort(Comparator.comparing(School::getId));
    if (u.isAdmin()) {
      return all;
    }
    Set<Long> mine = new java.util.HashSet<>();
    if (u.has(Roles.SUPERVISOR)) {
      mine.addAll(u.schools());
    }
    teachers.findByUsername(u.id()).ifPresent(t -> mine.add(t.getSchool().getId()));
    return all.stream().filter(s -> mine.contains(s.getId())).toList();
  }

  /** The names of the terms of the schools they see, newest first, with one term id each (the page's choice). */
  @Transactional(readOnly = true)
  public Map<Long, String> termChoices(CurrentUser u) {
    List<Term> all = new ArrayList<>();
    for (School s : schoolsOf(u)) {
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
    List<School> scope = schoolsOf(u);
    String termName = terms.nameOfTermIn(scope, termId);
    List<SchoolAppraisal> out = new ArrayList<>();
    for (School s : scope) {
      Term t = termName == null ? currentTerm(s.getId()) : terms.findBySchoolIdAndName(s.getId(), termName).orElse(null);
      if (t != null) {
        boolean all = u.isAdmin() || (u.has(Roles.SUPERVISOR) && u.schools().contains(s.getId()));
        out.add(school(s, t, mayGrade(u, s.getId()), all ? null : u.id()));
      }
    }
    return out;
  }

  /** One teacher's appraisal: for their school's supervisors, administrators and themselves; 404 for anyone else. */
  @Transactional(readOnly = true)
  public Detail detail(CurrentUser u, long teacherId, Long termId) {
    Teacher t = visibleTeacher(u, teacherId);
    Term term = termOf(t, termId);
    SchoolAppraisal s = school(t.getSchool(), term, mayGrade(u, t.getSchool().getId()), t.getUsername());
    TeacherRow row = s.teachers().stream().findFirst().orElseGet(() -> row(t, term, Set.of(), Map.of(), Map.of(), Map.of(), null));
    return new Detail(s, row, taskKinds(t.getUsername(), term));
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
    Teacher t = visibleTeacher(u, teacherId);
    if (!mayGrade(u, t.getSchool().getId())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    Term term = termOf(t, termId);
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
    boolean mentor = t.isMentor() || mentorScores(term).containsKey(t.getUsername());
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

  // -- figures -------------------------------------------------------------------------------------

  private Teacher visibleTeacher(CurrentUser u, long teacherId) {
    Teacher t = teachers.findById(teacherId).orElseThrow(() -> new NotFoundException("teacher " + teacherId));
    boolean sees = u.isAdmin() || (u.has(Roles.SUPERVISOR) && u.schools().contains(t.getSchool().getId())) || t.getUsername().equals(u.id());
    if (!sees) {
      throw new NotFoundException("teacher " + teacherId);
    }
    return t;
  }

  /** The teacher's school's term: the one given (it must be that school's), else the current one. */
  private Term termOf(Teacher t, Long termId) {
    if (termId == null) {
      Term current = currentTerm(t.getSchool().getId());
      if (current == null) {
        throw new NotFoundException("term");
      }
      return current;
    }
    Term term = terms.findById(termId).orElse(null);
    if (term == null || !term.getSchool().getId().equals(t.getSchool().getId())) {
      throw InvalidInputException.of("term", "validation.option");
    }
    return term;
  }

  /** The term the school is in today; between terms the latest begun; before any, the first. */
  Term currentTerm(long schoolId) {
    LocalDate today = clock.today();
    return terms.findContaining(schoolId, today).orElseGet(() -> {
      List<Term> all = terms.findBySchoolIdOrderByStartDate(schoolId);
      return all.stream().filter(t -> !t.getStartDate().isAfter(today)).reduce((a, b) -> b).orElse(all.isEmpty() ? null : all.get(0));
    });
  }

  private Map<String, Double> mentorScores(Term term) {
    Map<String, Double> out = new HashMap<>();
    Commendations.mentorScores(commendations.rows(term.getId())).forEach(s -> out.put(s.teacher(), s.score()));
    return out;
  }

  /** The school's class teachers and mentors for the term ({@code only}: that one teacher), with their figures. */
  private SchoolAppraisal school(School s, Term term, boolean mayGrade, String only) {
    Map<String, List<String>> classNames = new TreeMap<>();
    for (SchoolClass c : classes.findBySchoolIdOrderByGradeAscNameAsc(s.getId())) {
      if (c.getClassTeacher() != null) {
        classNames.computeIfAbsent(c.getClassTeacher(), k -> new ArrayList<>()).add(c.getName());
      }
    }
    List<Commendations.Row> reviewed = commendations.rows(term.getId());
    Map<String, Double> mentorScores = new HashMap<>();
    Commendations.mentorScores(reviewed).forEach(x -> mentorScores.put(x.teacher(), x.score()));
    Map<String, Double> classScores = new HashMap<>();
    Commendations.classTeacherScores(reviewed).forEach(x -> classScores.put(x.teacher(), x.score()));
    Map<String, Appraisal> grades = new HashMap<>();
    appraisals.findByTermId(term.getId()).forEach(a -> grades.put(a.getTeacher(), a));
    Map<String, Long> overdue = null;
    if (term.contains(clock.today())) {
      overdue = new HashMap<>();
      for (OversightQueries.GroupRow r : oversight.figures(Scope.schools(Set.of(s.getId()))).byTeacher()) {
        overdue.put(r.key(), r.counts().overdue());
      }
    }
    List<TeacherRow> rows = new ArrayList<>();
    for (Teacher t : teachers.findBySchoolIdOrderByName(s.getId())) {
      if (only != null && !only.equals(t.getUsername())) {
        continue;
      }
      boolean appraised = classNames.containsKey(t.getUsername()) || t.isMentor() || mentorScores.containsKey(t.getUsername())
          || grades.containsKey(t.getUsername());
      if (!appraised) {
        continue;
      }
      rows.add(row(t, term, classNames.keySet(), classNames, mentorScores, classScores, grades.get(t.getUsername()), overdue));
    }
    return new SchoolAppraisal(s.getId(), s.getName(), term.getId(), term.getName(), term.getStartDate(), term.getEndDate(), mayGrade, rows);
  }

  private TeacherRow row(Teacher t, Term term, Set<String> classTeachers, Map<String, List<String>> classNames, Map<String, Double> mentorScores,
      Map<String, Double> classScores, Appraisal a) {
    return row(t, term, classTeachers, classNames, mentorScores, classScores, a, null);
  }

  private TeacherRow row(Teacher t, Term term, Set<String> classTeachers, Map<String, List<String>> classNames, Map<String, Double> mentorScores,
      Map<String, Double> classScores, Appraisal a, Map<String, Long> overdue) {
    Map<String, Done> byKind = new LinkedHashMap<>();
    OBLIGATIONS.keySet().forEach(k -> byKind.put(k, Done.NONE));
    Done total = Done.NONE;
    for (HistoricTaskInstance task : done(t.getUsername(), term)) {
      boolean inTime = onTime(task);
      byKind.merge(kindOf(task.getTaskDefinitionKey()), Done.NONE.plus(inTime), (x, y) -> new Done(x.onTime() + y.onTime(), x.late() + y.late()));
      total = total.plus(inTime);
    }
    long records = audit.recordsWritten(t.getUsername(), start(term), end(term));
    Grade g = a == null ? null : new Grade(a.getGrade(), a.getComment(), a.isOutstandingClassTeacher(), a.isOutstandingMentor(),
        a.getGradedBy(), people.name(a.getGradedBy()), a.getGradedAt());
    return new TeacherRow(t.getId(), t.getUsername(), t.getName(), classNames.getOrDefault(t.getUsername(), List.of()),
        classTeachers.contains(t.getUsername()), t.isMentor() || mentorScores.containsKey(t.getUsername()), byKind, total, records,
        overdue == null ? null : overdue.getOrDefault(t.getUsername(), 0L), classScores.get(t.getUsername()),
        mentorScores.get(t.getUsername()), g);
  }

  private Instant start(Term term) {
    return term.getStartDate().atStartOfDay(clock.zone()).toInstant();
  }

  /**
   * The end of the term's period of work: the next term's first day (the holidays after a term belong to
   * it: its term reviews and holiday tasks fall due then); with no next term in the calendar yet, open.
   */
  private Instant end(Term term) {
    return terms.findFirstBySchoolIdAndStartDateAfterOrderByStartDate(term.getSchool().getId(), term.getEndDate())
        .map(next -> next.getStartDate().atStartOfDay(clock.zone()).toInstant())
        .orElse(java.time.Instant.parse("9999-12-31T00:00:00Z"));
  }

  /**
   * The user tasks the teacher was given in the term's period of work ({@link #end}) and completed (not
   * those cancelled, such as a case's tasks when it closes), from the engine's history.
   */
  private List<HistoricTaskInstance> done(String username, Term term) {
    Instant from = start(term);
    Instant to = end(term);
    return history.createHistoricTaskInstanceQuery().taskAssignee(username).finished()
        .startedAfter(Date.from(from.minusMillis(1))).startedBefore(Date.from(to)).list().stream()
        .filter(task -> "completed".equals(task.getDeleteReason()))
        .filter(task -> !task.getStartTime().toInstant().isBefore(from) && task.getStartTime().toInstant().isBefore(to))
        .toList();
  }

  /** Completed by its due date (a task without one is never late). */
  static boolean onTime(HistoricTaskInstance task) {
    return task.getDueDate() == null || !task.getEndTime().after(task.getDueDate());
  }

  private List<TaskKind> taskKinds(String username, Term term) {
    Map<String, TaskKind> byName = new LinkedHashMap<>();
    List<HistoricTaskInstance> all = new ArrayList<>(done(username, term));
    List<String> kinds = new ArrayList<>(OBLIGATIONS.keySet());
    all.sort(Comparator.comparing((HistoricTaskInstance x) -> kinds.indexOf(kindOf(x.getTaskDefinitionKey())))
        .thenComparing(x -> x.getName() == null ? "" : x.getName()));
    for (HistoricTaskInstance task : all) {
      String name = task.getName() == null ? "" : task.getName();
      String key = kindOf(task.getTaskDefinitionKey()) + "|" + name;
      TaskKind k = byName.getOrDefault(key, new TaskKind(name, kindOf(task.getTaskDefinitionKey()), Done.NONE));
      byName.put(key, new TaskKind(name, k.kind(), k.done().plus(onTime(task))));
    }
    return new ArrayList<>(byName.values());
  }
}
