package org.careflow.inbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A form's values as the page shows them: every value as a list of strings (one for most fields). */
final class FormDisplay {

  private FormDisplay() {}

  static Map<String, List<String>> of(Map<String, Object> values) {
    Map<String, List<String>> out = new HashMap<>();
    values.forEach((k, v) -> {
      if (v instanceof Collection<?> c) {
        out.put(k, c.stream().map(Object::toString).toList());
      } else if (v != null) {
        out.put(k, List.of(v.toString()));
      }
    });
    return out;
  }

  static Map<String, List<String>> ofSubmitted(Map<String, List<String>> values) {
    return new HashMap<>(values);
  }
}
