package org.careflow.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careflow.child.ChildArchiveFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The retention rule (PIPL: keep personal data no longer than needed): once every case of a child has
 * been closed for {@code careflow.retention.days-after-close} days (default 3 years), the child's
 * personal data is anonymised, in careflow's tables and in the engine's history together
 * ({@link ChildFile#anonymise}). Runs every night ({@code careflow.retention.cron}, in the schools' time
 * zone), one child per transaction, so a failure leaves the others done and is retried the next night.
 *
 * <p>A Spring schedule rather than the engine's history cleanup: the cleanup removes history by each
 * process definition's time to live counted from the end of a process instance, and knows nothing of
 * careflow's tables; here the case's close date decides, and the domain rows and the engine's history
 * of the same case go in one transaction. With several nodes each runs it; the update that marks a
 * child anonymised only succeeds once, so a second node skips the child.
 */
@Component
public class Retention {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final ChildArchiveFile archive;
  private final ChildFile file;
  private final int days;

  Retention(ChildArchiveFile archive, ChildFile file, @Value("${careflow.retention.days-after-close:1095}") int days) {
    this.archive = archive;
    this.file = file;
    this.days = days;
  }

  public int days() {
    return days;
  }

  /** The children due for anonymisation now: not yet anonymised, with cases, none open, the last closed long enough ago. */
  public List<Long> due() {
    Instant cutoff = ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(days));
    return archive.closedBefore(cutoff);
  }

  /** Anonymises every child due; returns how many. */
  @Scheduled(cron = "${careflow.retention.cron:0 30 2 * * *}", zone = "${careflow.time-zone:Asia/Shanghai}")
  public int run() {
    int done = 0;
    for (Long childId : due()) {
      try {
        if (file.anonymise(childId)) {
          done++;
        }
      } catch (RuntimeException e) {
        log.error("anonymising child id {} failed; retried at the next run: {}", childId, e.getClass().getName());
      }
    }
    if (done > 0) {
      log.info("retention: anonymised {} children whose cases closed more than {} days ago", done, days);
    }
    return done;
  }
}
