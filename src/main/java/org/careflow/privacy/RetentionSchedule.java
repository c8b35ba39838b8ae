package org.careflow.privacy;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's scheduler for the nightly retention run ({@link Retention#run}), whether or not
 * mail (and with it the digest's schedule) is configured. {@code careflow.retention.cron=-} turns the
 * run off (the tests call it themselves).
 */
@Configuration
@EnableScheduling
class RetentionSchedule {
}
