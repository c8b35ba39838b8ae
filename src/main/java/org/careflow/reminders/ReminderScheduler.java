package org.careflow.reminders;

import org.careflow.shared.CareClock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks every half minute (on every node) for the morning run and the messages that are due; the database
 * makes each message go out once ({@link Outbox}). Off with {@code careflow.reminders.scheduler=false} (tests
 * call {@link ReminderService#tick} themselves).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "careflow.reminders.scheduler", havingValue = "true", matchIfMissing = true)
class ReminderScheduler {

  private final ReminderService reminders;
  private final CareClock clock;

  ReminderScheduler(ReminderService reminders, CareClock clock) {
    this.reminders = reminders;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${careflow.reminders.poll:PT30S}", initialDelayString = "PT20S")
  void tick() {
    reminders.tick(clock.now());
  }
}
