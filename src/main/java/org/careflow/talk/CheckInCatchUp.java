package org.careflow.talk;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.careflow.child.CareCase;
import org.careflow.child.CareCases;
import org.careflow.identity.Audit;
import org.careflow.identity.CurrentUser;
import org.careflow.shared.CareClock;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.NotFoundException;
import org.careflow.shared.OpenTasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mentor's overdue weekly check-ins of past weeks, closed in one step and honestly: each week either
 * written late with the day the talk really happened (a check-in record marked late, counted for its own
 * week), or closed as missed with a reason ({@link MissedCheckIn}; the week stays missed on the dashboard).
 * Nothing is copied from one week to another and no date is filled in for the mentor. Weeks left blank stay
 * open. Every week's task is completed through careflow's completion path, in one transaction; any bad row
 * refuses the whole submission.
 */
@Service
public class CheckInCatchUp {

  public static final String TASK = "weeklyCheckIn";
  public static final String LATE = "LATE";
  public static final String MISSED = "MISSED";
  static final int REASON_MAX = 300;

  private final CareCases cases;
  private final OpenTasks openTasks;
  private final MentorCheckInRepository checkIns;
  private final MissedCheckInRepository missed;
  private final CareClock clock;
  private final Audit audit;

  CheckInCatchUp(CareCases cases, OpenTasks openTasks, MentorCheckInRepository checkIns, MissedCheckInRepository missed,
      CareClock clock, Audit audit) {
    this.cases = cases;
    this.openTasks = openTasks;
    this.checkIns = checkIns;
    this.missed = missed;
    this.clock = clock;
    this.audit = audit;
  }

  /** An overdue week: its task, and the week's Monday and Sunday. */
  public record Week(String taskId, LocalDate monday, LocalDate sunday) {}

  public record Weeks(long childId, String childName, long caseId, List<Week> weeks) {}

  /** The overdue weeks of the child's open case that this mentor owes (404 for anyone else). Audited as a read. */
  @Transactional(readOnly = true)
  public Weeks weeks(long childId, CurrentUser u) {
    CareCase c = mentorsCase(childId, u);
    Weeks w = new Weeks(childId, c.getChild().getName(), c.getId(), overdue(c, u));
    audit.read(u.id(), childId, c.getId(), "check-in catch-up");
    return w;
  }

  /** How many overdue weeks the mentor owes for this case (for links), without an audit entry. */
  @Transactional(readOnly = true)
  public int overdueCount(long caseId, String mentor) {
    return (int) openTasks.of(caseId, TASK).stream().filter(o -> isOverdue(o) && mentor.equals(o.assignee())).count();
  }

  /**
   * Closes the weeks given: {@code outcome_<taskId>} LATE with {@code date_<taskId>} (within that week, not
   * in the future) and an optional {@code note_<taskId>}; or MISSED with {@code reason_<taskId>}, or the common
   * {@code reason}; {@code restMissed=true} closes every week left blank as missed. Returns how many weeks were written late and how many closed as missed.
   */
  @Transactional
  public int[] close(long childId, CurrentUser u, Map<String, String> params) {
    CareCase c = mentorsCase(childId, u);
    List<Week> weeks = overdue(c, u);
    FieldErrors errors = new FieldErrors();
    String common = trim(params.get("reason"));
    if (common != null && common.length() > REASON_MAX) {
      errors.reject("reason", "validation.tooLong", REASON_MAX);
    }
    record Row(Week week, String outcome, LocalDate date, String note, String reason) {}
    List<Row> rows = new ArrayList<>();
    LocalDate today = clock.today();
    for (Week w : weeks) {
      String id = w.taskId();
      String outcome = trim(params.get("outcome_" + id));
      if (outcome == null && "true".equals(params.get("restMissed"))) {
        outcome = MISSED; // the mentor says every week not written late was missed
      }
      if (outcome == null) {
        continue; // left open
      }
      if (outcome.equals(LATE)) {
        LocalDate date = null;
        String d = trim(params.get("date_" + id));
        try {
          date = d == null ? null : LocalDate.parse(d);
        } catch (java.time.format.DateTimeParseException e) {
          errors.reject("date_" + id, "validation.date");
        }
        if (d == null) {
          errors.reject("date_" + id, "catchUp.dateRequired");
        } else if (date != null && (date.isBefore(w.monday()) || date.isAfter(w.sunday()) || date.isAfter(today))) {
          errors.reject("date_" + id, "catchUp.dateInWeek", w.monday().toString(), w.sunday().toString());
        }
        String note = trim(params.get("note_" + id));
        if (note != null && note.length() > 500) {
          errors.reject("note_" + id, "validation.tooLong", 500);
        }
        rows.add(new Row(w, LATE, date, note, null));
      } else if (outcome.equals(MISSED)) {
        String reason = trim(params.get("reason_" + id));
        if (reason == null) {
          reason = common;
        }
        if (reason == null) {
          errors.reject("reason_" + id, "catchUp.reasonRequired");
        } else if (reason.length() > REASON_MAX) {
          errors.reject("reason_" + id, "validation.tooLong", REASON_MAX);
        }
        rows.add(new Row(w, MISSED, null, null, reason));
      } else {
        errors.reject("outcome_" + id, "validation.option");
      }
    }
    if (rows.isEmpty() && errors.isEmpty()) {
      errors.reject("weeks", "catchUp.nothingChosen");
    }
    errors.throwIfAny();
    int late = 0;
    int miss = 0;
    List<OpenTasks.Open> open = openTasks.of(c.getId(), TASK);
    for (Row r : rows) {
      OpenTasks.Open task = open.stream().filter(o -> o.taskId().equals(r.week().taskId())).findFirst().orElseThrow();
      if (r.outcome().equals(LATE)) {
        checkIns.save(MentorCheckIn.late(c.getId(), r.date(), null, r.note(), u.id(), clock.now()));
        checkIns.flush(); // the dashboard counts the record's week as the task completes
        openTasks.completeAnswered(c.getId(), task, u.id(), Map.of(), Map.of());
        late++;
      } else {
        missed.save(new MissedCheckIn(c.getId(), r.week().monday(), r.reason(), u.id(), clock.now()));
        openTasks.completeAnswered(c.getId(), task, u.id(), Map.of("checkInMissed", true), Map.of());
        miss++;
      }
    }
    return new int[] {late, miss};
  }

  private List<Week> overdue(CareCase c, CurrentUser u) {
    return openTasks.of(c.getId(), TASK).stream().filter(o -> isOverdue(o) && (u.isAdmin() || u.id().equals(o.assignee())))
        .map(o -> {
          LocalDate sunday = clock.dayOf(o.due());
          LocalDate monday = sunday.with(DayOfWeek.MONDAY);
          return new Week(o.taskId(), monday, monday.plusDays(6));
        }).toList();
  }

  private boolean isOverdue(OpenTasks.Open o) {
    return o.due() != null && o.due().toInstant().isBefore(clock.now());
  }

  /** The child's open case when the user is its mentor (or an administrator); 404 otherwise. */
  private CareCase mentorsCase(long childId, CurrentUser u) {
    CareCase open = cases.casesOfChild(childId).stream().filter(CareCase::isOpen).findFirst().orElse(null);
    if (open == null || !(u.isAdmin() || u.id().equals(open.getMentor()))) {
      throw new NotFoundException("child");
    }
    return open;
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
