package org.careflow.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The submitted values of a form, already checked against the form's own rules (required, type,
 * length, range, options) and converted: text as String, numbers as Long or Double, dates as
 * LocalDate, checkboxes as Boolean, checklists as List of String.
 */
public class FormValues {

  private final Map<String, Object> values;

  public FormValues(Map<String, Object> values) {
    this.values = new LinkedHashMap<>(values);
  }

  public String text(String key) {
    Object v = values.get(key);
    if (v == null) {
      return null;
    }
    String s = v.toString().strip();
    return s.isEmpty() ? null : s;
  }

  public Integer integer(String key) {
    Object v = values.get(key);
    return v instanceof Number n ? n.intValue() : null;
  }

  public LocalDate date(String key) {
    Object v = values.get(key);
    return v instanceof LocalDate d ? d : null;
  }

  public boolean flag(String key) {
    return Boolean.TRUE.equals(values.get(key));
  }

  public Boolean bool(String key) {
    Object v = values.get(key);
    return v instanceof Boolean b ? b : null;
  }

  public List<String> list(String key) {
    Object v = values.get(key);
    if (v instanceof Collection<?> c) {
      List<String> out = new ArrayList<>();
      c.forEach(o -> out.add(o.toString()));
      return out;
    }
    return List.of();
  }

  public Map<String, Object> asMap() {
    return Map.copyOf(values.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }
}
