package org.careflow.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The one definition of overdue in careflow: a task is overdue when its due date has passed, due soon
 * when it falls due within three days. Overdue work is aged in three buckets (1–7, 8–30 and more than
 * 30 days late), a reminder goes out when the due date passes and an escalation a week later. The inbox,
 * the oversight dashboard, its exports, the digest e-mails and the reminder timers all ask here; the
 * SQL of the dashboard takes its cut-off instants from {@link #cutoffs(Instant)}.
 */
public final class Deadlines {

  public static final Duration DUE_SOON = Duration.ofDays(3);
  /** An overdue task is escalated to the supervisors this long after its due date. */
  public static final Duration ESCALATE_AFTER = Duration.ofDays(7);

  public enum State { OVERDUE, DUE_SOON, OPEN, NO_DUE_DATE }

  /** How late an overdue task is: its first 7 days, days 8–30, beyond 30 days. */
  public enum AgeBucket {
    DAYS_1_7("1-7"), DAYS_8_30("8-30"), OVER_30(">30");

    private final String label;

    AgeBucket(String label) {
      this.label = label;
    }

    /** The label the JSON and the exports use: "1-7", "8-30", ">30". */
    public String label() {
      return label;
    }
  }

  private Deadlines() {}

  public static State of(Date due, Instant now) {
    if (due == null) {
      return State.NO_DUE_DATE;
    }
    Instant d = due.toInstant();
    if (d.isBefore(now)) {
      return State.OVERDUE;
    }
    return d.isAfter(now.plus(DUE_SOON)) ? State.OPEN : State.DUE_SOON;
  }

  /** The age bucket of an overdue task, or null when it is not overdue. */
  public static AgeBucket bucketOf(Date due, Instant now) {
    if (of(due, now) != State.OVERDUE) {
      return null;
    }
    Cutoffs c = cutoffs(now);
    Instant d = due.toInstant();
    if (!d.isBefore(c.late7())) {
      return AgeBucket.DAYS_1_7;
    }
    return d.isBefore(c.late30()) ? AgeBucket.OVER_30 : AgeBucket.DAYS_8_30;
  }

  /**
   * The same definitions as instants, for queries: overdue is {@code due < now}; due soon is
   * {@code now <= due <= dueSoonEnd}; 1–7 days late is {@code late7 <= due < now}; 8–30 days is
   * {@code late30 <= due < late7}; more than 30 days is {@code due < late30}.
   */
  public record Cutoffs(Instant now, Instant dueSoonEnd, Instant late7, Instant late30) {}

  public static Cutoffs cutoffs(Instant now) {
    return new Cutoffs(now, now.plus(DUE_SOON), now.minus(Duration.ofDays(7)), now.minus(Duration.ofDays(30)));
  }

  /** When the reminder goes out: the first second the task counts as overdue. */
  public static Date reminderAt(Date due) {
    return Date.from(due.toInstant().plusSeconds(1));
  }

  /** When an overdue task is escalated to the supervisors. */
  public static Date escalationAt(Date due) {
    return Date.from(due.toInstant().plus(ESCALATE_AFTER));
  }
}
