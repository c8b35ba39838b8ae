package org.careflow.appraisal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.careflow.appraisal.Appraisals.Done;
import org.careflow.appraisal.Appraisals.Grade;
import org.careflow.appraisal.Appraisals.SchoolAppraisal;
import org.careflow.appraisal.Appraisals.TaskKind;
import org.careflow.appraisal.Appraisals.TeacherRow;
import org.careflow.identity.Audit;
import org.careflow.identity.PersonNames;
import org.careflow.oversight.OversightQueries;
import org.careflow.oversight.Scope;
import org.careflow.school.School;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolClassRepository;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.careflow.school.Term;
import org.careflow.school.TermRepository;
import org.careflow.shared.CareClock;
import org.careflow.yearend.Commendations;
import org.springframework.stereotype.Component;

/**
 * A school's teachers' term in figures: the obligations done on time and late (the engine's task history),
 * the records written (the audit trail), the open work overdue today (oversight), the 篇29 scores
 * (yearend) and the supervisor's grade, as {@link Appraisals} shows them. Runs in the transaction of the
 * {@link Appraisals} action that asks.
 */
@Component
class TermFigures {

  private final SchoolClassRepository classes;
  private final TeacherRepository teachers;
  private final TermRepository terms;
  private final AppraisalRepository appraisals;
  private final HistoryService history;
  private final Audit audit;
  private final OversightQueries oversight;
  private final Commendations commendations;
  private final CareClock clock;
  private final PersonNames people;

  TermFigures(PersonNames people, SchoolClassRepository classes, TeacherRepository teachers, TermRepository terms,
      AppraisalRepository appraisals, HistoryService history, Audit audit, OversightQueries oversight, Commendations commendations,
      CareClock clock) {
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

  static String kindOf(String taskKey) {
    for (Map.Entry<String, Set<String>> e : Appraisals.OBLIGATIONS.entrySet()) {
      if (e.getValue().contains(taskKey)) {
        return e.getKey();
      }
    }
    return "other";
  }

  /** The mentors' 篇29 scores of the term, by username. */
  Map<String, Double> mentorScores(Term term) {
    Map<String, Double> out = new HashMap<>();
    Commendations.mentorScores(commendations.rows(term.getId())).forEach(s -> out.put(s.teacher(), s.score()));
    return out;
  }

  /** The school's class teachers and mentors for the term ({@code only}: that one teacher), with their figures. */
  SchoolAppraisal school(School s, Term term, boolean mayGrade, String only) {
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

  TeacherRow row(Teacher t, Term term, Set<String> classTeachers, Map<String, List<String>> classNames, Map<String, Double> mentorScores,
      Map<String, Double> classScores, Appraisal a) {
    return row(t, term, classTeachers, classNames, mentorScores, classScores, a, null);
  }

  private TeacherRow row(Teacher t, Term term, Set<String> classTeachers, Map<String, List<String>> classNames, Map<String, Double> mentorScores,
      Map<String, Double> classScores, Appraisal a, Map<String, Long> overdue) {
    Map<String, Done> byKind = new LinkedHashMap<>();
    Appraisals.OBLIGATIONS.keySet().forEach(k -> byKind.put(k, Done.NONE));
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

  List<TaskKind> taskKinds(String username, Term term) {
    Map<String, TaskKind> byName = new LinkedHashMap<>();
    List<HistoricTaskInstance> all = new ArrayList<>(done(username, term));
    List<String> kinds = new ArrayList<>(Appraisals.OBLIGATIONS.keySet());
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
