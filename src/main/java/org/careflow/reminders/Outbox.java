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
import org.careflow.shared.CareClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The messages to send ({@code cf_rem_message}). A message is a row before it is sent: one per day, kind,
 * reference, channel and target (a unique key), so a second node building the same morning adds nothing.
 * Sending claims a row with a conditional update (only one node wins it), then marks it sent, or keeps the
 * platform's error and tries again later: after 1, 2, 4, 8 and 16 minutes; the sixth failure is final.
 */
@Service
class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  static final int MAX_ATTEMPTS = 6;
  static final Duration CLAIM = Duration.ofMinutes(2);

  enum Channel { WECOM, DINGTALK }

  /** {@code target}: "user:&lt;login&gt;", "school:&lt;id&gt;" (its robot) or "class:&lt;id&gt;" (its robot). */
  record Draft(String kind, String ref, Channel channel, String target, Long schoolId, String body) {}

  record Row(long id, LocalDate day, String kind, String ref, Channel channel, String target, Long schoolId, String body, String status,
      int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {}

  private final JdbcTemplate jdbc;
  private final Channels channels;
  private final ReminderContacts contacts;
  private final WeComSender wecom;
  private final DingTalkRobot robot;
  private final ReminderCalendar calendar;
  private final CareClock clock;

  Outbox(JdbcTemplate jdbc, Channels channels, ReminderContacts contacts, WeComSender wecom, DingTalkRobot robot, ReminderCalendar calendar,
      CareClock clock) {
    this.jdbc = jdbc;
    this.channels = channels;
    this.contacts = contacts;
    this.wecom = wecom;
    this.robot = robot;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Adds the drafts not added before (each statement on its own: call outside a transaction); returns how many are new. */
  int enqueue(LocalDate day, List<Draft> drafts) {
    int added = 0;
    Timestamp now = Timestamp.from(clock.now());
    for (Draft d : drafts) {
      try {
        jdbc.update("INSERT INTO cf_rem_message (send_day, kind, ref, channel, target, school_id, body, status, attempts, next_attempt_at, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)", Date.valueOf(day), d.kind(), d.ref(), d.channel().name(), d.target(),
            d.schoolId(), d.body(), now, now);
        added++;
      } catch (DuplicateKeyException e) {
        // built before, here or on another node
      }
    }
    return added;
  }

  /** Adds drafts within the caller's transaction (an escalation, recorded by the engine's job): never a failing statement. */
  void enqueueInTransaction(LocalDate day, List<Draft> drafts) {
    Timestamp now = Timestamp.from(clock.now());
    for (Draft d : drafts) {
      jdbc.update("INSERT INTO cf_rem_message (send_day, kind, ref, channel, target, school_id, body, status, attempts, next_attempt_at, created_at)"
          + " SELECT ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? FROM (VALUES (1)) x WHERE NOT EXISTS (SELECT 1 FROM cf_rem_message m"
          + " WHERE m.send_day = ? AND m.kind = ? AND m.ref = ? AND m.channel = ? AND m.target = ?)",
          Date.valueOf(day), d.kind(), d.ref(), d.channel().name(), d.target(), d.schoolId(), d.body(), now, now,
          Date.valueOf(day), d.kind(), d.ref(), d.channel().name(), d.target());
    }
  }

  /**
   * Sends the messages that are due; {@code force} (an administrator's "send now"): every message of today
   * still to send, whatever the hour, the calendar and the back-off. Returns how many went out.
   */
  int dispatch(Instant now, boolean force) {
    List<Long> due = force
        ? jdbc.queryForList("SELECT id FROM cf_rem_message WHERE status = 'PENDING' AND send_day = ? ORDER BY id", Long.class,
            Date.valueOf(LocalDate.ofInstant(now, clock.zone())))
        : jdbc.queryForList("SELECT id FROM cf_rem_message WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id",
            Long.class, Timestamp.from(now));
    int sent = 0;
    for (long id : due) {
      if (jdbc.update("UPDATE cf_rem_message SET claimed_until = ? WHERE id = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)",
          Timestamp.from(now.plus(CLAIM)), id, Timestamp.from(now)) == 0) {
        continue; // another node has it
      }
      Row r = row(id).orElseThrow();
      if (!force && !calendar.mayNotify(r.schoolId(), now)) {
        // quiet hours, a weekend or a holiday: look again in half an hour
        jdbc.update("UPDATE cf_rem_message SET claimed_until = NULL, next_attempt_at = ? WHERE id = ?", Timestamp.from(now.plus(Duration.ofMinutes(30))), id);
        continue;
      }
      try {
        send(r);
        jdbc.update("UPDATE cf_rem_message SET status = 'SENT', attempts = attempts + 1, sent_at = ?, claimed_until = NULL WHERE id = ?",
            Timestamp.from(now), id);
        sent++;
      } catch (SendFailure e) {
        int attempts = r.attempts() + 1;
        boolean again = e.retry() && attempts < MAX_ATTEMPTS;
        String error = e.getMessage() == null ? "" : e.getMessage().length() > 480 ? e.getMessage().substring(0, 480) : e.getMessage();
        jdbc.update("UPDATE cf_rem_message SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, claimed_until = NULL WHERE id = ?",
            again ? "PENDING" : "FAILED", attempts, error, Timestamp.from(now.plus(backoff(attempts))), id);
        log.warn("reminder message {} ({} {}) not sent, attempt {}: {}", id, r.channel(), r.kind(), attempts, error);
      }
    }
    return sent;
  }

  static Duration backoff(int attempts) {
    return Duration.ofMinutes(1L << Math.min(attempts - 1, 10));
  }

  private void send(Row r) throws SendFailure {
    String[] target = r.target().split(":", 2);
    switch (r.channel()) {
      case WECOM -> {
        if (!"user".equals(target[0])) {
          throw new SendFailure("no such WeCom target", false);
        }
        String userId = contacts.of(target[1]).wecomUserId();
        Channels.WeCom app = r.schoolId() == null ? null : channels.wecom(r.schoolId()).orElse(null);
        if (userId == null || app == null) {
          throw new SendFailure("WeCom not configured", false);
        }
        wecom.send(app, userId, r.body());
      }
      case DINGTALK -> {
        Optional<Channels.Robot> to = switch (target[0]) {
          case "class" -> channels.classRobot(Long.parseLong(target[1]));
          default -> r.schoolId() == null ? Optional.empty() : channels.schoolRobot(r.schoolId());
        };
        if (to.isEmpty()) {
          throw new SendFailure("DingTalk robot not configured", false);
        }
        List<String> at = new ArrayList<>();
        if ("user".equals(target[0])) {
          String id = contacts.of(target[1]).dingtalkUserId();
          if (id == null) {
            throw new SendFailure("no DingTalk user id", false);
          }
          at.add(id);
        }
        robot.send(to.get(), r.body(), at);
      }
      default -> throw new SendFailure("unknown channel", false);
    }
  }

  Optional<Row> row(long id) {
    return jdbc.query("SELECT id, send_day, kind, ref, channel, target, school_id, body, status, attempts, next_attempt_at, last_error, sent_at"
        + " FROM cf_rem_message WHERE id = ?", (rs, i) -> map(rs), id).stream().findFirst();
  }

  private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
    long school = rs.getLong(7);
    Long schoolId = rs.wasNull() ? null : school;
    Timestamp sent = rs.getTimestamp(13);
    return new Row(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4), Channel.valueOf(rs.getString(5)),
        rs.getString(6), schoolId, rs.getString(8), rs.getString(9), rs.getInt(10), rs.getTimestamp(11).toInstant(), rs.getString(12),
        sent == null ? null : sent.toInstant());
  }

  /** The messages an administrator should look at: those that failed, or wait for another try, newest first. */
  List<Row> troubles(int limit) {
    return jdbc.query("SELECT id, send_day, kind, ref, channel, target, school_id, body, status, attempts, next_attempt_at, last_error, sent_at"
        + " FROM cf_rem_message WHERE status = 'FAILED' OR (status = 'PENDING' AND last_error IS NOT NULL) ORDER BY id DESC", (rs, i) -> map(rs))
        .stream().limit(limit).toList();
  }

  /** A day's messages of one kind. */
  List<Row> ofDay(LocalDate day, String kind) {
    return jdbc.query("SELECT id, send_day, kind, ref, channel, target, school_id, body, status, attempts, next_attempt_at, last_error, sent_at"
        + " FROM cf_rem_message WHERE send_day = ? AND kind = ? ORDER BY id", (rs, i) -> map(rs), Date.valueOf(day), kind);
  }

  /** Per channel, a day's morning messages by status. */
  Map<Channel, Map<String, Integer>> morningCounts(LocalDate day) {
    Map<Channel, Map<String, Integer>> out = new LinkedHashMap<>();
    for (Channel c : Channel.values()) {
      Map<String, Integer> m = new LinkedHashMap<>();
      m.put("SENT", 0);
      m.put("PENDING", 0);
      m.put("FAILED", 0);
      out.put(c, m);
    }
    jdbc.query("SELECT channel, status, COUNT(*) FROM cf_rem_message WHERE send_day = ? AND kind = 'MORNING' GROUP BY channel, status",
        rs -> {
          out.get(Channel.valueOf(rs.getString(1))).put(rs.getString(2), rs.getInt(3));
        }, Date.valueOf(day));
    return out;
  }

  /** Lets the administrator try a failed message again at once. */
  boolean retry(long id) {
    return jdbc.update("UPDATE cf_rem_message SET status = 'PENDING', next_attempt_at = ?, claimed_until = NULL WHERE id = ? AND status = 'FAILED'",
        Timestamp.from(clock.now()), id) == 1;
  }
}
