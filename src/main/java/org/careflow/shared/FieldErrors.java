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

  /** Control characters other than line breaks and tabs: refused in free text. */
  private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

  /**
   * A free-text field checked: stripped, null when blank ("validation.required" when {@code required}),
   * "validation.tooLong" over {@code max} characters, "validation.characters" with a control character
   * other than a line break or tab. Returns the stripped text (also when rejected, for the form to show).
   */
  public String text(String field, String value, int max, boolean required) {
    String v = value == null || value.isBlank() ? null : value.strip();
    if (v == null) {
      if (required) {
        reject(field, "validation.required");
      }
      return null;
    }
    if (v.length() > max) {
      reject(field, "validation.tooLong", max);
    } else if (CONTROL.matcher(v).find()) {
      reject(field, "validation.characters");
    }
    return v;
  }

  /** Throws when anything was rejected: called before any write. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(this);
    }
  }
}
