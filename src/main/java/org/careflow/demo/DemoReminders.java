package org.careflow.demo;

import java.util.LinkedHashSet;
import java.util.Set;
import org.careflow.identity.Accounts;
import org.careflow.identity.Roles;
import org.careflow.reminders.ReminderContacts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's 企业微信 links (issue 19): every staff member's WeCom user id is their login name, as when a school
 * names its WeCom accounts by 工号. Runs after {@link DemoSchool}; a person linked already is left as they are.
 */
@Component
@Profile("demo")
@Order(20)
class DemoReminders implements ApplicationRunner {

  private final Accounts accounts;
  private final ReminderContacts contacts;

  DemoReminders(Accounts accounts, ReminderContacts contacts) {
    this.accounts = accounts;
    this.contacts = contacts;
  }

  @Override
  public void run(ApplicationArguments args) {
    Set<String> staff = new LinkedHashSet<>();
    Roles.ALL.forEach(role -> staff.addAll(accounts.members(role)));
    for (String username : staff) {
      ReminderContacts.Person p = contacts.of(username);
      if (p.wecomUserId() == null && p.dingtalkUserId() == null && ReminderContacts.PLATFORM_ID.matcher(username).matches()) {
        contacts.link(username, username, null);
      }
    }
  }
}
