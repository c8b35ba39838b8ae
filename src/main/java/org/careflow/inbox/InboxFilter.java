package org.careflow.inbox;

/**
 * What the teacher narrowed the inbox to: a kind of task (the BPMN task id), a class, a part of a
 * child's name. Empty parts do not filter.
 */
public record InboxFilter(String taskKey, Long classId, String childName) {

  public static final InboxFilter NONE = new InboxFilter(null, null, null);

  public InboxFilter {
    taskKey = blankToNull(taskKey);
    childName = blankToNull(childName);
    if (taskKey != null && !taskKey.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
      taskKey = null; // not a task id we could have offered: ignore rather than query with it
    }
    if (childName != null && childName.length() > 30) {
      childName = childName.substring(0, 30);
    }
  }

  public boolean narrowsCases() {
    return classId != null || childName != null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
