package org.careflow.shared;

import java.util.Date;

/** What a task-form handler needs to know about the task being worked on. */
public record TaskContext(
    String taskId,
    String taskKey,
    String taskName,
    String processKey,
    String businessKey,
    String user,
    Date due) {

  /** The case id of a child-case task (its business key). */
  public long caseId() {
    return BusinessKey.parse(businessKey).orElseThrow(() -> new IllegalStateException("not a case's task: " + businessKey));
  }
}
