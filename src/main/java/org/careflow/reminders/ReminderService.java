package org.careflow.reminders;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careflow.identity.Accounts;
import org.careflow.identity.Roles;
import org.careflow.oversight.EscalationRaised;
import org.careflow.school.SchoolClass;
import org.careflow.school.SchoolDirectory;
import org.careflow.shared.CareClock;
import org.careflow.shared.CaseScopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The morning run and the escalations. The scheduled morning run of a day is started by whichever node first
 * inserts the day's row in {@code cf_rem_run} (from the digest's time for {@code careflow.reminders.catch-up},
 * so a node started in the afternoon does not send the morning's messages then); an administrator's
 * {@link #sendNow} builds and sends today's at once, whatever the hour and the calendar.
 */
@Service
public class ReminderService {

  private static final Logger log = LoggerFactory.getLogger(ReminderService.class);

  private final MorningMessages morning;
  private final Outbox outbox;
  private final ReminderCalendar calendar;
  private final ReminderContacts contacts;
  private final Accounts accounts;
  private final SchoolDirectory schools;
  private final List<CaseScopes> scopes;
  private final JdbcTemplate jdbc;
  private final CareClock clock;
  private final Duration catchUp;

  ReminderService(MorningMessages morning, Outbox outbox, ReminderCalendar calendar, ReminderContacts contacts, Accounts accounts,
      SchoolDirectory schools, List<CaseScopes> scopes, JdbcTemplate jdbc, CareClock clock,
      @Value("${careflow.reminders.catch-up:PT3H}") Duration catchUp) {
    this.morning = morning;
    this.outbox = outbox;
    this.calendar = calendar;
    this.contacts = contacts;
    this.accounts = accounts;
    this.schools = schools;
    this.scopes = scopes;
    this.jdbc = jdbc;
    this.clock = clock;
    this.catchUp = catchUp;
  }

  /** Per channel ("wecom", "dingtalk"): today's morning messages that went out (now or earlier today), and the others. */
  public record SendReport(LocalDate day, Map<String, Integer> sent, Map<String, Integer> pending, Map<String, Integer> failed) {}

  /** Today's morning messages, now: built (those not built before), then sent whatever the hour and the calendar. */
  public SendReport sendNow() {
    Instant now = clock.now();
    LocalDate day = LocalDate.ofInstant(now, clock.zone());
    outbox.enqueue(day, morning.build(day, school -> true));
    int sent = outbox.dispatch(now, true);
    log.info("morning reminders sent now by an administrator: {} messages", sent);
    return report(day);
  }

  SendReport report(LocalDate day) {
    Map<String, Integer> sent = new LinkedHashMap<>();
    Map<String, Integer> pending = new LinkedHashMap<>();
    Map<String, Integer> failed = new LinkedHashMap<>();
    outbox.morningCounts(day).forEach((channel, counts) -> {
      String name = channel.name().toLowerCase();
      sent.put(name, counts.get("SENT"));
      pending.put(name, counts.get("PENDING"));
      failed.put(name, counts.get("FAILED"));
    });
    return new SendReport(day, sent, pending, failed);
  }

  /**
   * The scheduled part, on every node: the morning run when it is due and not started yet (one node wins the
   * day's row), then whatever messages are due.
   */
  public int tick(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, clock.zone());
    Instant at = calendar.morningOf(day);
    if (at != null && !now.isBefore(at) && now.isBefore(at.plus(catchUp))) {
      boolean mine;
      try {
        mine = jdbc.update("INSERT INTO cf_rem_run (run_day, started_at) VALUES (?, ?)", Date.valueOf(day), Timestamp.from(now)) == 1;
      } catch (DuplicateKeyException e) {
        mine = false;
      }
      if (mine) {
        int added = outbox.enqueue(day, morning.build(day, school -> calendar.schoolDay(school, day)));
        log.info("morning reminders of {}: {} messages", day, added);
      }
    }
    return outbox.dispatch(now, false);
  }

  /**
   * An escalation: its school's supervisors and the teacher it waits for are told at once (in the quiet hours:
   * when they end). After the engine's transaction commits, in a transaction of its own: a failure to queue the
   * message must neither undo the escalation nor mark the engine's transaction rollback-only.
   */
  @org.springframework.transaction.event.TransactionalEventListener(phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMMIT,
      fallbackExecution = true)
  @org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
  public void escalated(EscalationRaised e) {
    try {
      Optional<CaseScopes.Scope> scope = scopes.stream()
          .filter(s -> e.processDefinitionId() != null && e.processDefinitionId().startsWith(s.processKey() + ":"))
          .findFirst().flatMap(s -> s.scopeOf(e.businessKey()));
      if (scope.isEmpty()) {
        return;
      }
      long schoolId = scope.get().schoolId();
      SchoolClass c = schools.classesById(List.of(scope.get().classId())).get(scope.get().classId());
      String body = morning.fit(morning.msg("reminders.msg.escalation", morning.kind(e.taskKey()), c == null ? "" : c.getName(), morning.link()),
          WeComSender.MAX_BYTES);
      List<String> people = new ArrayList<>(accounts.members(Roles.SUPERVISOR).stream()
          .filter(id -> accounts.schoolsOf(id).contains(schoolId)).toList());
      if (e.assignee() != null && !people.contains(e.assignee())) {
        people.add(e.assignee());
      }
      List<Outbox.Draft> drafts = new ArrayList<>();
      contacts.of(people).values().forEach(p -> morning.personal(drafts, p, schoolId, MorningMessages.ESCALATION, "esc-" + e.reminderId(), body));
      outbox.enqueueInTransaction(LocalDate.ofInstant(clock.now(), clock.zone()), drafts);
    } catch (RuntimeException ex) { // telling is no reason to undo the escalation itself
      log.warn("escalation {} not queued for 企业微信/钉钉: {}", e.reminderId(), ex.getClass().getSimpleName());
    }
  }
}
