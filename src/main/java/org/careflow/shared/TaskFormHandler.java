package org.careflow.shared;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Owned by the module whose record a user task writes (a talk record, a home-visit report...). The
 * inbox finds the handler by the task's definition key, checks the values against the form's own
 * rules, then hands them here: the handler checks its domain rules, saves its record and returns the
 * routing variables the task completes with. All of it runs in one transaction.
 */
public interface TaskFormHandler {

  /** The BPMN user-task ids this handler owns. */
  Set<String> taskKeys();

  /** Values to show in the form when it opens (an existing record, the child's archive...). */
  default Map<String, Object> prefill(TaskContext task) {
    return Map.of();
  }

  /** Options for a select, radio or checklist that names a {@code valuesKey}: read from the domain, never from variables. */
  default List<Option> options(TaskContext task, String valuesKey) {
    return List.of();
  }

  /**
   * Validates the domain rules (rejecting into {@code errors}), and only when nothing was rejected
   * writes the record. Returns the variables to complete the task with.
   */
  Map<String, Object> submit(TaskContext task, FormValues values, FieldErrors errors);

  record Option(String value, String label) {}
}
