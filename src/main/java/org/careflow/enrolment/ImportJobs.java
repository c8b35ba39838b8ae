package org.careflow.enrolment;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.careflow.school.SchoolClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Roster imports started from the page run here, one at a time per node, so that the page can show
 * how far a large file has got ({@code /import/jobs/{id}}) instead of a browser waiting a minute for an
 * answer. The import itself is the same all-or-nothing transaction as the API's. Jobs live in this
 * node's memory for an hour after they end (with several nodes the page needs sticky sessions to poll
 * the node that runs its import).
 */
@Component
class ImportJobs {

  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
  private static final Duration KEEP = Duration.ofHours(1);

  enum State { CHECKING, WRITING, DONE, REJECTED, FAILED }

  /** One import: its owner, state and counts, updated by the importing thread and read by the page. */
  static final class Job implements RosterImport.Progress {
    final String id = UUID.randomUUID().toString();
    final String owner;
    volatile State state = State.CHECKING;
    volatile int total;
    volatile int written;
    volatile RosterImport.Result result;
    volatile List<RosterImport.RowError> errors = List.of();
    volatile Instant ended;

    Job(String owner) {
      this.owner = owner;
    }

    @Override
    public void checked(int rows) {
      total = rows;
      state = State.WRITING;
    }

    @Override
    public void written(int rows) {
      written = rows;
    }

    public String getId() {
      return id;
    }

    public State getState() {
      return state;
    }

    public boolean isRunning() {
      return state == State.CHECKING || state == State.WRITING;
    }

    public int getTotal() {
      return total;
    }

    public int getWritten() {
      return written;
    }

    public int getPercent() {
      return total == 0 ? 0 : (int) (100L * written / total);
    }

    public RosterImport.Result getResult() {
      return result;
    }
  }

  private final RosterImport roster;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "roster-import");
    t.setDaemon(true);
    return t;
  });

  ImportJobs(RosterImport roster) {
    this.roster = roster;
  }

  Job start(byte[] file, Map<String, SchoolClass> classes, String actor) {
    Instant old = Instant.now().minus(KEEP);
    jobs.values().removeIf(j -> j.ended != null && j.ended.isBefore(old));
    Job job = new Job(actor);
    jobs.put(job.id, job);
    runner.submit(() -> run(job, file, classes));
    return job;
  }

  private void run(Job job, byte[] file, Map<String, SchoolClass> classes) {
    try {
      job.result = roster.importRoster(new ByteArrayInputStream(file), classes, job.owner, job);
      job.state = State.DONE;
    } catch (RosterImport.RosterRejected e) {
      job.errors = e.errors();
      job.state = State.REJECTED;
    } catch (RuntimeException e) {
      // the exception's message may quote a child's data: the log gets its kind only
      log.error("roster import {} failed: {}", job.id, e.getClass().getName());
      job.state = State.FAILED;
    } finally {
      job.ended = Instant.now();
    }
  }

  /** The job, for its owner only. */
  Optional<Job> job(String id, String user) {
    return Optional.ofNullable(id == null ? null : jobs.get(id)).filter(j -> j.owner.equals(user));
  }

  @PreDestroy
  void stop() {
    runner.shutdownNow();
  }
}
