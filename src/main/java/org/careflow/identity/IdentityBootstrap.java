package org.careflow.identity;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.careflow.shared.EngineTables;
import org.springframework.stereotype.Component;

/**
 * At every start: the role groups and their engine permissions exist; users may read but not change their
 * own user entry; locks the engine set in earlier versions (its permanent lock after 10 wrong passwords,
 * now switched off) are lifted; on a new installation (no user yet) the first administrator is created from
 * {@code careflow.admin.password}, if one is given, which must meet {@link PasswordRules}.
 */
@Component
@Order(5)
class IdentityBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final Accounts accounts;
  private final IdentityService identity;
  private final EngineTables jdbc;
  private final PasswordRules rules;
  private final String adminPassword;

  IdentityBootstrap(Accounts accounts, IdentityService identity, EngineTables jdbc, PasswordRules rules,
      @Value("${careflow.admin.password:}") String adminPassword) {
    this.accounts = accounts;
    this.identity = identity;
    this.jdbc = jdbc;
    this.rules = rules;
    this.adminPassword = adminPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    accounts.ensureRoleGroups();
    int reduced = accounts.reduceOwnUserGrants();
    if (reduced > 0) {
      log.info("{} users may no longer change their own user entry (administrators keep profiles)", reduced);
    }
    unlockEngineLocks();
    if (!adminPassword.isBlank()) {
      List<String> problems = rules.problems("admin", adminPassword, Locale.ENGLISH);
      boolean creating = !accounts.exists("admin");
      if (!problems.isEmpty() && creating) {
        throw new IllegalStateException("CAREFLOW_ADMIN_PASSWORD (careflow.admin.password) is too weak to create the "
            + "administrator: " + String.join(" ", problems) + " Choose another one and start again.");
      }
      if (!problems.isEmpty()) {
        log.warn("CAREFLOW_ADMIN_PASSWORD is set but too weak ({}); it is not used (user 'admin' exists): remove it",
            String.join(" ", problems));
      }
      if (creating) {
        accounts.ensureUser("admin", "Administrator", adminPassword, Roles.ADMIN);
        log.info("created the first administrator, user id 'admin'");
      }
    }
  }

  /** Lifts the engine's own locks (and wrong-password counts) left by earlier versions. */
  private void unlockEngineLocks() {
    List<String> locked = jdbc.usersWithEngineLock();
    for (String user : locked) {
      identity.unlockUser(user);
    }
    if (!locked.isEmpty()) {
      log.info("lifted the engine's own login lock of {} users (careflow's throttle applies instead)", locked.size());
    }
  }
}
