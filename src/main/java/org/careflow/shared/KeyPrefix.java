package org.careflow.shared;

import java.util.Optional;

/**
 * The business keys {@code <prefix><id>} of a process whose subject is not a case, such as a class's
 * {@code class-<id>} (its activity obligations) and {@code classterm-<id>} (its term papers): made from the
 * id, and read back to it from a key, or from the execution or task a bean of the models is given.
 * {@code subject} names what the id is, for the error of a key that names none.
 */
public record KeyPrefix(String prefix, String subject) {

  /** The business key {@code <prefix><id>}. */
  public String key(long id) {
    return BusinessKey.prefixed(prefix, id);
  }

  /** The id a business key names, or empty when it is none or has another prefix. */
  public Optional<Long> id(String businessKey) {
    return BusinessKey.parse(prefix, businessKey);
  }

  /** The id of an execution's or task's business key (or, from Java code, of the key itself); it must name one. */
  public long idOf(Object executionOrKey) {
    String key = BusinessKey.keyOf(executionOrKey);
    return id(key).orElseThrow(() -> new IllegalStateException("not a " + subject + "'s business key: " + key));
  }
}
