package org.careflow.shared;

/**
 * A child's personal data was removed (privacy's anonymisation), in its transaction: modules that keep
 * copies of it elsewhere (the term archive's stored files) remove them too. {@code name} and {@code studentNo}
 * are what the archive held before (to find them in stored files); never logged.
 */
public record ChildAnonymised(long childId, String name, String studentNo) {

  /** What a child's name becomes. */
  public static final String ANONYMOUS = "已匿名";

  @Override
  public String toString() {
    return "ChildAnonymised[childId=" + childId + "]";
  }
}
