package org.careflow.setup;

import static org.careflow.setup.SchoolSetup.AUDIT_SETUP;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.careflow.identity.Accounts;
import org.careflow.identity.Audit;
import org.careflow.identity.InitialPasswords;
import org.careflow.identity.Roles;
import org.careflow.school.School;
import org.careflow.school.Teacher;
import org.careflow.school.TeacherRepository;
import org.careflow.setup.SchoolSetup.Counts;
import org.careflow.setup.SchoolSetup.NewAccount;
import org.careflow.setup.SetupWorkbook.StaffRow;
import org.springframework.stereotype.Component;

/**
 * The workbook's 教职工 sheet written: someone new gets a teacher record and an account with their role
 * and school groups and an initial password (shown once); someone known gets what changed (audited).
 * Not transactional on purpose: it runs inside {@link SchoolSetup#apply}'s transaction.
 */
@Component
class SetupStaffSheet {

  private final TeacherRepository teachers;
  private final Accounts accounts;
  private final InitialPasswords passwords;
  private final Audit audit;
  private final org.careflow.reminders.ReminderContacts contacts;

  SetupStaffSheet(TeacherRepository teachers, Accounts accounts, InitialPasswords passwords, Audit audit,
      org.careflow.reminders.ReminderContacts contacts) {
    this.teachers = teachers;
    this.accounts = accounts;
    this.passwords = passwords;
    this.audit = audit;
    this.contacts = contacts;
  }

  /** The 企业微信 / 钉钉 ids of a row, where given (an empty cell keeps what the staff page set). */
  private void linkPlatformIds(StaffRow r) {
    if (r.wecomId() == null && r.dingtalkId() == null) {
      return;
    }
    org.careflow.reminders.ReminderContacts.Person p = contacts.of(r.username());
    contacts.link(r.username(), r.wecomId() != null ? r.wecomId() : p.wecomUserId(), r.dingtalkId() != null ? r.dingtalkId() : p.dingtalkUserId());
  }

  Counts apply(List<StaffRow> rows, Map<String, School> bySchool, Set<String> classTeacherIds, List<NewAccount> made,
      String actor) {
    int[] n = new int[3];
    for (StaffRow r : rows) {
      School school = bySchool.get(r.school());
      linkPlatformIds(r);
      Set<String> roles = new LinkedHashSet<>(r.roles());
      if (classTeacherIds.contains(r.username())) {
        roles.add(Roles.TEACHER); // a class's teacher works its tasks as 班主任
      }
      boolean mentor = roles.contains(Roles.MENTOR);
      Teacher t = teachers.findByUsername(r.username()).orElse(null);
      if (t == null) {
        t = new Teacher(r.username(), r.name(), school, r.subject(), mentor);
        t.setPhone(r.phone());
        t.setMaxMentees(r.maxMentees());
        teachers.save(t);
        if (!accounts.exists(r.username())) {
          accounts.createUser(r.username(), r.name(), InitialPasswords.random());
          made.add(new NewAccount(r.username(), r.name(), r.school(), passwords.issue(r.username(), actor)));
        }
        accounts.setRoles(r.username(), roles);
        accounts.syncSchoolRoles(r.username(), school.getId());
        audit.change(actor, AUDIT_SETUP, null, null, "教职工 " + r.username() + ": created, roles " + roles);
        n[0]++;
        continue;
      }
      List<String> changed = new ArrayList<>();
      if (!t.getName().equals(r.name())) {
        t.setName(r.name());
        accounts.setDisplayName(r.username(), r.name());
        changed.add(SetupWorkbook.PERSON);
      }
      if (!Objects.equals(t.getPhone(), r.phone())) {
        t.setPhone(r.phone());
        changed.add(SetupWorkbook.PHONE);
      }
      if (!Objects.equals(t.getMaxMentees(), r.maxMentees())) {
        t.setMaxMentees(r.maxMentees());
        changed.add(SetupWorkbook.MAX_MENTEES);
      }
      if (r.subject() != null && !Objects.equals(t.getSubject(), r.subject())) {
        t.setSubject(r.subject());
        changed.add(SetupWorkbook.SUBJECT);
      }
      if (t.isMentor() != mentor) {
        t.setMentor(mentor);
      }
      if (!accounts.rolesOf(r.username()).equals(new java.util.TreeSet<>(roles))) {
        accounts.setRoles(r.username(), roles);
        changed.add(SetupWorkbook.ROLES + " " + roles);
      }
      accounts.syncSchoolRoles(r.username(), school.getId());
      if (changed.isEmpty()) {
        n[2]++;
      } else {
        audit.change(actor, AUDIT_SETUP, null, null, "教职工 " + r.username() + ": " + String.join(", ", changed) + " changed");
        n[1]++;
      }
    }
    return new Counts(n[0], n[1], n[2]);
  }
}
