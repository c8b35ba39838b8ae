package org.careflow.shared;

import java.util.Optional;

/**
 * A module that owns a process says which class and school an instance of it is about (and the
 * mentor, for a child's case), so that access to it can be scoped: identity grants the engine's
 * authorizations from it, oversight and the pages check the same scope, and oversight places the
 * instance's open tasks in that class and school (and under that child) on the dashboard.
 */
public interface CaseScopes extends ProcessAdapter {

  /** The scope of the instance with this business key; empty when it is unknown. */
  Optional<Scope> scopeOf(String businessKey);

  /**
   * {@code mentor} is the mentor's user id, or null; {@code childId} the child the instance is about when it
   * is about one child (a case, a 劝返 follow-up, a counselling referral), or null (a class's, a school's, a
   * carer's). A class id of 0 means the instance is about the whole school (a term's archive).
   */
  record Scope(long classId, long schoolId, String mentor, Long childId) {
    public Scope(long classId, long schoolId, String mentor) {
      this(classId, schoolId, mentor, null);
    }
  }
}
