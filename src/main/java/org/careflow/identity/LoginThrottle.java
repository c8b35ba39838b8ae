package org.careflow.identity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Careflow's one lock-out, for every way a password is checked (the pages, HTTP Basic on {@code /api} and
 * {@code /engine-rest}; the Camunda webapps use the pages' login, their own login endpoint and
 * {@code /engine-rest/identity/verify} are closed, see SecurityConfig). Two limits, each within a window
 * that starts with the first wrong password and locking for a while, never for good:
 * <ul>
 *   <li>per user name: {@code careflow.login.max-failures} (5) wrong passwords within
 *   {@code careflow.login.failure-window} (15 minutes) lock the name for {@code careflow.login.lock-duration}
 *   (15 minutes), even for the right password;</li>
 *   <li>per client address: {@code careflow.login.max-failures-per-address} (50) wrong passwords for any
 *   names lock every login from that address for the same time (someone trying many names).</li>
 * </ul>
 * Names that do not exist are counted the same, so the answer tells nothing about which names exist. Kept in
 * the database (cf_login_failure), so every node of a cluster shares it and a restart forgets nothing. The
 * engine's own permanent lock is switched off (application.yaml) and old engine locks are lifted at start
 * (IdentityBootstrap): an administrator always gets in again once the lock has expired.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final JdbcTemplate jdbc;
  private final int maxFailures;
  private final int maxFailuresPerAddress;
  private final Duration window;
  private final Duration lock;

  @Autowired
  LoginThrottle(JdbcTemplate jdbc, @Value("${careflow.login.max-failures:5}") int maxFailures,
      @Value("${careflow.login.max-failures-per-address:50}") int maxFailuresPerAddress,
      @Value("${careflow.login.failure-window:15m}") Duration window,
      @Value("${careflow.login.lock-duration:15m}") Duration lock) {
    this.jdbc = jdbc;
    this.maxFailures = maxFailures;
    this.maxFailuresPerAddress = maxFailuresPerAddress;
    this.window = window;
    this.lock = lock;
  }

  /** A throttle with other limits on the same table (tests of the per-address limit). */
  public LoginThrottle withLimits(int maxFailures, int maxFailuresPerAddress) {
    return new LoginThrottle(jdbc, maxFailures, maxFailuresPerAddress, window, lock);
  }

  private static String userKey(String user) {
    return "user:" + cut(user.strip().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "addr:" + cut(address);
  }

  private static String cut(String s) {
    return s.length() > 190 ? s.substring(0, 190) : s;
  }

  private static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
  }

  /** Whether this user name is locked now. */
  public boolean isLocked(String user) {
    return standing(user, null).locked();
  }

  /** Whether this user name, or this client address (may be null), is locked now. */
  public boolean isLocked(String user, String address) {
    return standing(user, address).locked();
  }

  /**
   * What the table holds for a login now: whether the name or the address (may be null) is locked, and
   * whether the name has wrong passwords on record (only then does a right one have anything to forget).
   * One query for both: every HTTP Basic call of {@code /engine-rest} and {@code /api} signs in anew.
   */
  public Standing standing(String user, String address) {
    String userKey = userKey(user);
    List<String> subjects = address == null ? List.of(userKey) : List.of(userKey, addressKey(address));
    OffsetDateTime now = now();
    boolean[] found = new boolean[2]; // locked, the name has a row
    jdbc.query("select subject, locked_until from cf_login_failure where subject in (" + (address == null ? "?" : "?, ?") + ")",
        rs -> {
          OffsetDateTime until = rs.getObject(2, OffsetDateTime.class);
          found[0] |= until != null && now.isBefore(until);
          found[1] |= userKey.equals(rs.getString(1));
        }, subjects.toArray());
    return new Standing(found[0], found[1]);
  }

  /** See {@link #standing}. */
  public record Standing(boolean locked, boolean nameHasFailures) {}

  /** Counts a wrong password for the name and (when known) the address. */
  public void failed(String user) {
    failed(user, null);
  }

  /** Counts a wrong password for the name and (when known) the address; reaching a limit locks it. */
  public void failed(String user, String address) {
    OffsetDateTime now = now();
    jdbc.update("delete from cf_login_failure where window_start < ? and (locked_until is null or locked_until < ?)",
        now.minus(window), now);
    if (count(userKey(user), maxFailures, now)) {
      log.warn("login locked for a user name after {} wrong passwords within {}", maxFailures, window);
    }
    if (address != null && count(addressKey(address), maxFailuresPerAddress, now)) {
      log.warn("login locked for client address {} after {} wrong passwords within {}", address, maxFailuresPerAddress, window);
    }
  }

  /** One more failure for a subject; true when it locks it now. */
  private boolean count(String subject, int limit, OffsetDateTime now) {
    for (int attempt = 0; attempt < 3; attempt++) {
      // a window that is over starts again with this failure
      jdbc.update("update cf_login_failure set failures = 0, window_start = ? where subject = ? and window_start < ?",
          now, subject, now.minus(window));
      int updated = jdbc.update("update cf_login_failure set failures = failures + 1 where subject = ?", subject);
      if (updated == 0) {
        try {
          jdbc.update("insert into cf_login_failure (subject, failures, window_start) values (?, 1, ?)", subject, now);
        } catch (DuplicateKeyException anotherNodeWasFaster) {
          continue;
        }
      }
      int locked = jdbc.update("update cf_login_failure set locked_until = ?, failures = 0, window_start = ? "
          + "where subject = ? and failures >= ?", now.plus(lock), now, subject, limit);
      return locked > 0;
    }
    return false;
  }

  /** A right password (while not locked) forgets the name's earlier failures (not the address's). */
  public void succeeded(String user) {
    jdbc.update("delete from cf_login_failure where subject = ?", userKey(user));
  }

  /** The same, written only when {@link #standing} found failures of the name (most sign-ins have none). */
  public void succeeded(String user, Standing before) {
    if (before.nameHasFailures()) {
      succeeded(user);
    }
  }

  /** Unlocks a name at once (an administrator's help desk). */
  public void unlock(String user) {
    jdbc.update("delete from cf_login_failure where subject = ?", userKey(user));
  }

  /** Unlocks a client address at once. */
  public void unlockAddress(String address) {
    jdbc.update("delete from cf_login_failure where subject = ?", addressKey(address));
  }

  /** When a lock ends, for messages; the configured lock duration. */
  public Duration lockDuration() {
    return lock;
  }
}
