package org.careflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The one definition of overdue, due soon and the age buckets, at their edges. */
class DeadlinesTest {

  static final Instant NOW = Instant.parse("2026-10-25T02:00:00Z");

  static Date ago(Duration d) {
    return Date.from(NOW.minus(d));
  }

  @Test
  void aTaskIsOverdueTheMomentItsDueDatePassesAndDueSoonWithinThreeDays() {
    assertThat(Deadlines.of(ago(Duration.ofSeconds(1)), NOW)).isEqualTo(Deadlines.State.OVERDUE);
    assertThat(Deadlines.of(Date.from(NOW), NOW)).isEqualTo(Deadlines.State.DUE_SOON);
    assertThat(Deadlines.of(Date.from(NOW.plus(Duration.ofDays(3))), NOW)).isEqualTo(Deadlines.State.DUE_SOON);
    assertThat(Deadlines.of(Date.from(NOW.plus(Duration.ofDays(3)).plusSeconds(1)), NOW)).isEqualTo(Deadlines.State.OPEN);
    assertThat(Deadlines.of(null, NOW)).isEqualTo(Deadlines.State.NO_DUE_DATE);
  }

  @Test
  void overdueWorkIsAgedOneToSevenEightToThirtyAndOverThirtyDays() {
    assertThat(Deadlines.bucketOf(ago(Duration.ofHours(2)), NOW)).isEqualTo(Deadlines.AgeBucket.DAYS_1_7);
    assertThat(Deadlines.bucketOf(ago(Duration.ofDays(7)), NOW)).isEqualTo(Deadlines.AgeBucket.DAYS_1_7);
    assertThat(Deadlines.bucketOf(ago(Duration.ofDays(7).plusSeconds(1)), NOW)).isEqualTo(Deadlines.AgeBucket.DAYS_8_30);
    assertThat(Deadlines.bucketOf(ago(Duration.ofDays(30)), NOW)).isEqualTo(Deadlines.AgeBucket.DAYS_8_30);
    assertThat(Deadlines.bucketOf(ago(Duration.ofDays(30).plusSeconds(1)), NOW)).isEqualTo(Deadlines.AgeBucket.OVER_30);
    assertThat(Deadlines.bucketOf(Date.from(NOW.plusSeconds(60)), NOW)).isNull();
    assertThat(Deadlines.AgeBucket.OVER_30.label()).isEqualTo(">30");
  }

  @Test
  void theReminderGoesOutWhenTheTaskTurnsOverdueAndTheEscalationAWeekLater() {
    Date due = Date.from(NOW);
    assertThat(Deadlines.of(due, Deadlines.reminderAt(due).toInstant())).isEqualTo(Deadlines.State.OVERDUE);
    assertThat(Deadlines.escalationAt(due).toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
  }
}
