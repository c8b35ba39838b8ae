package org.careflow.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors found while validating one user action, keyed by form field. Messages are message-bundle
 * codes with arguments, resolved in the user's language only when shown.
 */
public class FieldErrors {

  public record Error(String code, Object[] args) {}

  private final Map<String, Error> errors = new LinkedHashMap<>();

  public void reject(String field, String code, Object... args) {
    errors.putIfAbsent(field, new Error(code, args));
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public Map<String, Error> all() {
    return Collections.unmodifiableMap(errors);
  }

  /** Throws when anything was rejected: called before any write. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(this);
    }
  }
}
