package org.careflow.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Locks a user name after repeated wrong passwords (by default 5 within 15 minutes lock it for 15
 * minutes), for every door alike: the pages, the Camunda webapps, {@code /api} and {@code /engine-rest}
 * all check passwords through {@link EngineIdentityAuthenticationProvider}. While locked even the right
 * password is refused. Names that do not exist are counted the same, so the answer tells nothing about
 * which names exist. Kept in memory per node (a restart forgets it); the engine's own growing delay
 * and lock (stored in its user table) stay on underneath.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
  private static final int MAX_TRACKED = 10_000;

  private final int maxFailures;
  private final Duration window;
  private final Duration lock;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  private static final class State {
    final Deque<Instant> failures = new ArrayDeque<>();
    Instant lockedUntil;
  }

  LoginThrottle(@Value("${careflow.login.max-failures:5}") int maxFailures,
      @Value("${careflow.login.failure-window:15m}") Duration window,
      @Value("${careflow.login.lock-duration:15m}") Duration lock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.lock = lock;
  }

  private static String key(String user) {
    return user.strip().toLowerCase(Locale.ROOT);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Whether this user name is locked now. */
  public boolean isLocked(String user) {
    State s = states.get(key(user));
    if (s == null) {
      return false;
    }
    synchronized (s) {
      return s.lockedUntil != null && now().isBefore(s.lockedUntil);
    }
  }

  /** Counts a wrong password; the one that reaches the limit within the window locks the name. */
  public void failed(String user) {
    if (states.size() > MAX_TRACKED) {
      purge();
    }
    State s = states.computeIfAbsent(key(user), k -> new State());
    Instant now = now();
    synchronized (s) {
      s.failures.addLast(now);
      while (!s.failures.isEmpty() && s.failures.peekFirst().isBefore(now.minus(window))) {
        s.failures.removeFirst();
      }
      if (s.failures.size() >= maxFailures) {
        s.lockedUntil = now.plus(lock);
        s.failures.clear();
        log.warn("login locked for {} after {} wrong passwords within {}", user, maxFailures, window);
      }
    }
  }

  /** A right password (while not locked) forgets the earlier failures. */
  public void succeeded(String user) {
    states.remove(key(user));
  }

  /** Unlocks a name at once (an administrator's help desk). */
  public void unlock(String user) {
    states.remove(key(user));
  }

  private void purge() {
    Instant now = now();
    states.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        State s = e.getValue();
        boolean lockOver = s.lockedUntil == null || !now.isBefore(s.lockedUntil);
        boolean failuresOld = s.failures.isEmpty() || s.failures.peekLast().isBefore(now.minus(window));
        return lockOver && failuresOld;
      }
    });
  }
}
