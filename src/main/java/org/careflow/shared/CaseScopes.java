package org.careflow.shared;

import java.util.Optional;

/**
 * A module that owns a process says which class and school an instance of it is about (and the
 * mentor, for a child's case), so that access to it can be scoped: identity grants the engine's
 * authorizations from it, oversight and the pages check the same scope.
 */
public interface CaseScopes extends ProcessAdapter {

  /** The scope of the instance with this business key; empty when it is unknown. */
  Optional<Scope> scopeOf(String businessKey);

  /** {@code mentor} is the mentor's user id, or null. */
  record Scope(long classId, long schoolId, String mentor) {}
}
