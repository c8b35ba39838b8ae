package org.careflow.oversight;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Sends the daily digest, only when mail is configured (spring.mail.host); default 07:00 school time. */
@Configuration
@EnableScheduling
@ConditionalOnProperty("spring.mail.host")
class DigestSchedule {

  private final DigestMail digest;

  DigestSchedule(DigestMail digest) {
    this.digest = digest;
  }

  @Scheduled(cron = "${careflow.digest.cron:0 0 7 * * *}", zone = "${careflow.time-zone:Asia/Shanghai}")
  void daily() {
    digest.sendDaily();
  }
}
