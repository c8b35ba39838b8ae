package org.careflow.school;

import java.util.List;
import org.careflow.identity.Accounts;
import org.careflow.identity.Roles;
import org.careflow.identity.ScopeAuthorizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At every start (after the demo school is seeded), brings the scope groups and the engine's grants in
 * step with the school data: each class's group holds its class teacher; a supervisor, coordinator or
 * counsellor who looks after no school yet is put in their school (their teacher row's, or the only
 * school there is); running cases made before scoping get their grants ({@link ScopeAuthorizations#backfill}).
 * Idempotent, and cheap when everything is in step.
 */
@Component
@Order(20)
class ScopeSync implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ScopeSync.class);

  private final SchoolClassRepository classes;
  private final SchoolRepository schools;
  private final TeacherRepository teachers;
  private final Accounts accounts;
  private final ScopeAuthorizations grants;

  ScopeSync(SchoolClassRepository classes, SchoolRepository schools, TeacherRepository teachers, Accounts accounts,
      ScopeAuthorizations grants) {
    this.classes = classes;
    this.schools = schools;
    this.teachers = teachers;
    this.accounts = accounts;
    this.grants = grants;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    sync();
  }

  @Transactional
  public void sync() {
    // Every start: one query per class and per user when everything is in step (no change is written then)
    for (SchoolClass c : classes.findAll()) {
      if (!accounts.classTeacherInStep(c.getId(), c.getClassTeacher())) {
        accounts.setClassTeacher(c.getId(), c.getClassTeacher());
      }
    }
    List<School> all = schools.findAll();
    for (String role : Roles.SCHOOL_ROLES) {
      for (String user : accounts.members(role)) {
        List<String> groups = accounts.groupsOf(user);
        List<Long> placed = groups.stream().map(Roles::schoolOf).filter(java.util.Objects::nonNull).toList();
        if (!placed.isEmpty()) {
          // already placed; a role added later still needs its school-role group
          placed.stream().filter(s -> !Accounts.placedInSchool(groups, s)).forEach(s -> accounts.addToSchool(user, s));
          continue;
        }
        Long school = teachers.findByUsername(user).map(t -> t.getSchool().getId())
            .orElse(all.size() == 1 ? all.get(0).getId() : null);
        if (school != null) {
          accounts.addToSchool(user, school);
        } else if (!all.isEmpty()) {
          log.warn("a user with a school-wide role looks after no school yet: add them to a school-<id> group in Camunda Admin");
        }
      }
    }
    grants.backfill();
    grants.reduceTaskUpdates();
  }

}
