package org.careflow.identity;

import org.springframework.stereotype.Component;

/**
 * A person's name for the pages where a user id is stored (who saved a model, who did what): the
 * templates write {@code ${@people.name(d.author)}}, never the login name.
 */
@Component("people")
public class PersonNames {

  private final Accounts accounts;

  PersonNames(Accounts accounts) {
    this.accounts = accounts;
  }

  public String name(String userId) {
    return userId == null ? "" : accounts.personName(userId);
  }
}
