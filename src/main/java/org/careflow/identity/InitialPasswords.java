package org.careflow.identity;

import java.security.SecureRandom;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careflow.shared.EngineTables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Initial passwords: random ones for accounts an administrator makes (shown to them once), to be
 * changed at the user's first page login. The flag holds only while the engine still has that very
 * password: one set in Camunda Admin or over the engine's REST API ends it, as in Camunda. The flag
 * never stands in the way of the REST API: only pages ask for the change.
 */
@Service
public class InitialPasswords {

  /** No 0/O, 1/l/I: read off a printed sheet and typed on a phone. */
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccountRecordRepository records;
  private final Accounts accounts;
  private final EngineTables jdbc;

  InitialPasswords(AccountRecordRepository records, Accounts accounts, EngineTables jdbc) {
    this.records = records;
    this.accounts = accounts;
    this.jdbc = jdbc;
  }

  public static String random() {
    StringBuilder b = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  /** Gives the user a new random password, to be changed at their next page login; returns it (shown once). */
  @Transactional
  public String issue(String user, String actor) {
    String password = random();
    accounts.setPassword(user, password);
    AccountRecord r = records.findById(user).orElseGet(() -> new AccountRecord(user, actor, ClockUtil.getCurrentTime().toInstant()));
    r.initialPassword(engineHash(user));
    records.save(r);
    return password;
  }

  /** Whether the user still has the initial password they were given (and so must change it at a page login). */
  @Transactional(readOnly = true)
  public boolean mustChange(String user) {
    return records.findById(user)
        .filter(AccountRecord::isMustChangePassword)
        .filter(r -> r.getInitialPasswordHash() != null && r.getInitialPasswordHash().equals(engineHash(user)))
        .isPresent();
  }

  /** The user chose their own password. */
  @Transactional
  public void changed(String user) {
    records.findById(user).ifPresent(AccountRecord::changed);
  }

  /** The engine's stored (salted) password hash of the user; read only to notice that it changed. */
  private String engineHash(String user) {
    return jdbc.passwordHash(user);
  }
}
