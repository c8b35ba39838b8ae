package org.careflow.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The one definition of overdue in careflow: a task is overdue when its due date has passed, due soon
 * when it falls due within three days. The inbox, the dashboards and the reminders all ask here.
 */
public final class Deadlines {

  public static final Duration DUE_SOON = Duration.ofDays(3);

  public enum State { OVERDUE, DUE_SOON, OPEN, NO_DUE_DATE }

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
}
