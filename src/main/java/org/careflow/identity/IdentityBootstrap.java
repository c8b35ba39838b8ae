package org.careflow.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start: the role groups and their engine permissions exist; on a new installation (no user
 * yet) the first administrator is created from {@code careflow.admin.password}, if one is given.
 */
@Component
@Order(5)
class IdentityBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final Accounts accounts;
  private final String adminPassword;

  IdentityBootstrap(Accounts accounts, @Value("${careflow.admin.password:}") String adminPassword) {
    this.accounts = accounts;
    this.adminPassword = adminPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    accounts.ensureRoleGroups();
    if (!adminPassword.isBlank() && !accounts.exists("admin")) {
      accounts.ensureUser("admin", "Administrator", adminPassword, Roles.ADMIN);
      log.info("created the first administrator, user id 'admin'");
    }
  }
}
