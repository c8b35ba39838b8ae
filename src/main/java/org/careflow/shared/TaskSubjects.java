package org.careflow.shared;

import java.util.Collection;
import java.util.Map;

/**
 * A module that owns a process says what its instances are about, for the inbox: the child (and
 * class) of a case, the class of a guardian meeting. Resolved in one batch per page of tasks.
 */
public interface TaskSubjects extends ProcessAdapter {

  /** Subjects keyed by business key; keys the user may not see are left out. */
  Map<String, Subject> resolve(Collection<String> businessKeys);

  /** {@code childId} is null when the subject is not one child (a class's guardian meeting). */
  record Subject(String title, String className, Long classId, Long childId) {}
}
