package org.careflow.shared;

import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a process instance is about, read from its business key: the case id for child-case, family-ties
 * and support-plan (a called process gets its caller's), the meeting id for guardian-meeting; processes of
 * other subjects prefix their id ({@code holiday-<id>} for holiday-care, {@code referral-<id>} for
 * counselling-referral), which {@link #parse} does not take for a case. The key is
 * set when the instance starts and no task form or engine call can change it, unlike a variable: delegates,
 * listeners and the expressions of the models ({@code ${caseRoles.classTeacherOf(execution)}}) take the
 * case from here, never from a {@code caseId} variable.
 */
public final class BusinessKey {

  private static final Pattern ID = Pattern.compile("\\d{1,18}");

  private BusinessKey() {}

  /** The id a business key names, or empty when it is none (null, or not a number). */
  public static Optional<Long> parse(String businessKey) {
    return businessKey != null && ID.matcher(businessKey).matches() ? Optional.of(Long.valueOf(businessKey)) : Optional.empty();
  }

  /** Whether this business key names a case or meeting id. */
  public static boolean isId(String businessKey) {
    return businessKey != null && ID.matcher(businessKey).matches();
  }

  /**
   * The id a prefixed business key names ({@code parse("holiday-", "holiday-12")} is 12), or empty when the
   * key is none or has another prefix. The one parser of the prefixed keys of the processes whose subject is
   * not a case: {@code class-<id>}, {@code holiday-<id>}, {@code referral-<id>}, {@code carer-<id>}.
   */
  public static Optional<Long> parse(String prefix, String businessKey) {
    return businessKey != null && businessKey.startsWith(prefix) ? parse(businessKey.substring(prefix.length())) : Optional.empty();
  }

  /** The business key {@code <prefix><id>}, as {@link #parse(String, String)} reads it. */
  public static String prefixed(String prefix, long id) {
    return prefix + id;
  }

  /** The business key of an execution or task given to a bean of the models, or, from Java code, the key itself. */
  public static String keyOf(Object executionOrKey) {
    return executionOrKey instanceof VariableScope scope ? keyOf(scope) : String.valueOf(executionOrKey);
  }

  /** The business key of the process instance this execution or task belongs to. */
  public static String keyOf(VariableScope scope) {
    if (scope instanceof DelegateExecution e) {
      return e.getProcessBusinessKey();
    }
    if (scope instanceof DelegateTask t) {
      return t.getExecution() == null ? null : t.getExecution().getProcessBusinessKey();
    }
    throw new IllegalArgumentException("neither an execution nor a task: " + scope);
  }

  /** The case (or meeting) id of the process instance this execution or task belongs to. */
  public static long of(VariableScope scope) {
    String key = keyOf(scope);
    return parse(key).orElseThrow(() -> new IllegalStateException("the process instance has no case or meeting id as its business key: " + key));
  }

  /**
   * An id given to a bean of the models: the execution (whose business key names it), or, from Java code,
   * the id itself.
   */
  public static long id(Object executionOrId) {
    if (executionOrId instanceof VariableScope scope) {
      return of(scope);
    }
    if (executionOrId instanceof Number n) {
      return n.longValue();
    }
    if (executionOrId == null) {
      throw new IllegalArgumentException("no id");
    }
    return parse(executionOrId.toString()).orElseThrow(() -> new IllegalArgumentException("not an id: " + executionOrId));
  }
}
