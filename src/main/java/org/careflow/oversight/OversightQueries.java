package org.careflow.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.careflow.shared.Deadlines;
import org.careflow.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * The figures of the oversight dashboard, its JSON and its exports: the one entry the pages, the API, the
 * digest and the reminders use. The work is done by three classes with one job each: {@link OverdueQueries}
 * (overdue and due soon per school, class, teacher and obligation, and the open escalations),
 * {@link TargetQueries} (a term's targets and retention) and {@link DrillDownQueries} (the children behind a
 * count). They aggregate in SQL over the summaries {@link OpenWork} keeps, so that a district's worth of
 * cases stays fast (docs/PERFORMANCE.md); overdue, due soon and the age buckets are {@link Deadlines#cutoffs},
 * missed obligations are {@link Obligations}. Figures and targets are reused for
 * {@code careflow.oversight.cache-seconds} through Spring's cache abstraction ({@link OversightCaches}).
 */
@Service
public class OversightQueries {

  public enum GroupBy {
    SCHOOL, CLASS, TEACHER, OBLIGATION;

    /** "school", "class", "teacher" or "obligation"; anything else is a clear 400. */
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
      long atRiskWithPlan, long atRiskWithoutPlan, long cases, long activeCases, List<MonthRate> talkByMonth, Missed missed) {}

  /** An escalation whose task is still open: an item on the supervisors' dashboard. */
  public record OpenEscalation(String taskName, String assignee, Long childId, String childName, String className,
      Instant dueDate, Instant escalatedAt) {}

  /**
   * The overdue figures of one scope, every grouping from one read of the summary of open work
   * ({@code cf_dash_open_work}, kept by {@link OpenWork}): its rows are counts per class, assignee, task
   * and due instant, so each is classified once by {@link Deadlines} and added to its school, class,
   * teacher and obligation.
   */
  public record OverdueFigures(List<GroupRow> bySchool, List<GroupRow> byClass, List<GroupRow> byTeacher, List<GroupRow> byObligation,
      Counts total) {
    public List<GroupRow> get(GroupBy g) {
      return switch (g) {
        case SCHOOL -> bySchool;
        case CLASS -> byClass;
        case TEACHER -> byTeacher;
        case OBLIGATION -> byObligation;
      };
    }
  }

  /** Which cases a count stands for: the open tasks of one class, teacher or obligation, optionally of one age bucket. */
  public record CaseFilter(Long schoolId, Long classId, String teacher, String obligation, String bucket) {
    static final List<String> BUCKETS = List.of("overdue", "dueSoon", "1-7", "8-30", ">30");

    public CaseFilter {
      if (bucket != null && !bucket.isBlank() && !BUCKETS.contains(bucket)) {
        throw InvalidInputException.of("bucket", "oversight.bucket.invalid", bucket);
      }
      if (schoolId == null && classId == null && (teacher == null || teacher.isBlank()) && (obligation == null || obligation.isBlank())) {
        throw InvalidInputException.of("class", "oversight.cases.filter");
      }
    }
  }

  /** 入学率 and 巩固率 of a term (issue 18): fractions between 0 and 1, like the other targets. */
  public record Retention(long children, long droppedOut, long droppedEarlierNotBack) {
    /** The term's children in care over them and the children who dropped out earlier and have not come back. */
    public double enrolmentRate() {
      return children + droppedEarlierNotBack == 0 ? 1 : rate(children, children + droppedEarlierNotBack);
    }

    /** The term's children in care who did not drop out of school (辍学) within it. */
    public double retentionRate() {
      return children == 0 ? 1 : rate(children - droppedOut, children);
    }
  }

  private final OverdueQueries overdue;
  private final TargetQueries targets;
  private final DrillDownQueries drillDown;
  private final OversightCaches caches;
  private final CareClock clock;
  private final SchoolDirectory schools;

  OversightQueries(OverdueQueries overdue, TargetQueries targets, DrillDownQueries drillDown, OversightCaches caches, CareClock clock,
      SchoolDirectory schools) {
    this.overdue = overdue;
    this.targets = targets;
    this.drillDown = drillDown;
    this.caches = caches;
    this.clock = clock;
    this.schools = schools;
  }

  /**
   * How long a figure is reused before it is computed again (0: never reused). A district's figures take
   * a few hundred milliseconds each on H2 (docs/PERFORMANCE.md); supervisors look weekly, so a minute old
   * is fresh enough.
   */
  public void setCacheSeconds(int seconds) {
    caches.setSeconds(seconds);
  }

  public List<OpenEscalation> openEscalations(int limit) {
    return openEscalations(limit, Scope.ALL);
  }

  public List<OpenEscalation> openEscalations(int limit, Scope scope) {
    return overdue.openEscalations(limit, scope);
  }

  /** The schools' time zone (dates in the exports). */
  public ZoneId zone() {
    return clock.zone();
  }

  /** Teachers' names for user ids (the JSON, the page and the exports name teachers). */
  public Map<String, String> teacherNames(java.util.Collection<String> ids) {
    return schools.teacherNames(ids);
  }

  /** Overdue and due-soon work grouped by school, class, the teacher it waits for, or obligation (task key); all schools. */
  public List<GroupRow> overdue(GroupBy groupBy) {
    return overdue(groupBy, Scope.ALL);
  }

  public List<GroupRow> overdue(GroupBy groupBy, Scope scope) {
    return figures(scope).get(groupBy);
  }

  public OverdueFigures figures(Scope scope) {
    return overdue.figures(scope);
  }

  /** Each teacher's overdue and due-soon tasks by obligation (task key), for the digest e-mails. */
  public Map<String, List<GroupRow>> byAssigneeAndObligation() {
    return overdue.byAssigneeAndObligation();
  }

  /**
   * The children behind a count (click-through from the dashboard): their open overdue or due-soon tasks
   * matching the filter, grouped per child and teacher, worst first.
   */
  public List<ChildRow> cases(CaseFilter f, Scope scope, int limit) {
    return drillDown.cases(f, scope, limit);
  }

  /** The term a figure is for: the given one, or the latest that has begun, among all schools' terms. */
  public TermRef term(Long termId) {
    return term(termId, Scope.ALL);
  }

  /** The same among the scope's schools' terms: another school's term is unknown here. */
  public TermRef term(Long termId, Scope scope) {
    return targets.term(termId, scope);
  }

  public List<TermRef> terms() {
    return terms(Scope.ALL);
  }

  public List<TermRef> terms(Scope scope) {
    return targets.terms(scope);
  }

  /** The targets of a term, all schools. */
  public Targets targets(Long termId) {
    return targets(termId, Scope.ALL);
  }

  public Targets targets(Long termId, Scope scope) {
    TermRef term = term(termId, scope); // outside the cache: an unknown term is refused at once
    return targets.targets(term, scope);
  }

  /** The term's retention: the cases of {@link #targets} and those closed as dropped out. */
  public Retention retention(TermRef term, Scope scope) {
    return targets.retention(term, scope);
  }

  private static double rate(long part, long whole) {
    return whole == 0 ? 0 : Math.round(10000.0 * part / whole) / 10000.0;
  }
}
