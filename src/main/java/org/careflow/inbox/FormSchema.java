package org.careflow.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;
import org.careflow.shared.TaskFormHandler.Option;

/**
 * A Camunda Form (the .form JSON the Camunda Tasklist renders too), read on the server so that the
 * page can render it without scripts and, above all, so that every submission is checked against the
 * form's own rules here: required, length, range, pattern, date and number types, allowed options.
 */
public final class FormSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Control characters other than line breaks and tabs: no form's text has them. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

  /** A generous cap for fields without their own maxLength: nothing unbounded reaches the database. */
  static final int DEFAULT_MAX_LENGTH = 2000;

  public enum Type { TEXTFIELD, TEXTAREA, NUMBER, DATE, CHECKBOX, SELECT, RADIO, CHECKLIST, TEXT }

  public record Field(Type type, String key, String label, boolean required, Integer minLength,
      Integer maxLength, Double min, Double max, String pattern, List<Option> options, String valuesKey,
      String text) {

    public boolean hasOptions() {
      return type == Type.SELECT || type == Type.RADIO || type == Type.CHECKLIST;
    }
  }

  private final String id;
  private final List<Field> fields;

  private FormSchema(String id, List<Field> fields) {
    this.id = id;
    this.fields = fields;
  }

  public String id() {
    return id;
  }

  public List<Field> fields() {
    return fields;
  }

  public static FormSchema parse(InputStream in) throws IOException {
    JsonNode root = JSON.readTree(in);
    List<Field> fields = new ArrayList<>();
    collect(root.path("components"), fields);
    return new FormSchema(root.path("id").asText(""), List.copyOf(fields));
  }

  private static void collect(JsonNode components, List<Field> out) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (c.has("components")) { // groups: their fields belong to the same flat form
        collect(c.path("components"), out);
        continue;
      }
      Type t = switch (type) {
        case "textfield" -> Type.TEXTFIELD;
        case "textarea" -> Type.TEXTAREA;
        case "number" -> Type.NUMBER;
        case "datetime" -> Type.DATE;
        case "checkbox" -> Type.CHECKBOX;
        case "select" -> Type.SELECT;
        case "radio" -> Type.RADIO;
        case "checklist" -> Type.CHECKLIST;
        case "text" -> Type.TEXT;
        default -> null; // spacers, separators, images: nothing to submit
      };
      if (t == null) {
        continue;
      }
      JsonNode v = c.path("validate");
      List<Option> options = new ArrayList<>();
      for (JsonNode o : c.path("values")) {
        options.add(new Option(o.path("value").asText(), o.path("label").asText()));
      }
      String label = t == Type.DATE ? c.path("dateLabel").asText(c.path("label").asText("")) : c.path("label").asText("");
      out.add(new Field(t, c.path("key").asText(null), label,
          v.path("required").asBoolean(false),
          v.has("minLength") ? v.path("minLength").asInt() : null,
          v.has("maxLength") ? v.path("maxLength").asInt() : null,
          v.has("min") ? v.path("min").asDouble() : null,
          v.has("max") ? v.path("max").asDouble() : null,
          v.has("pattern") ? v.path("pattern").asText() : null,
          List.copyOf(options),
          c.hasNonNull("valuesKey") ? c.path("valuesKey").asText() : null,
          c.path("text").asText(null)));
    }
  }

  /**
   * Reads a submission against the form's rules. Invalid fields are rejected into {@code errors};
   * unknown parameters are ignored. Options named by a valuesKey come from {@code dynamicOptions}.
   */
  public FormValues read(Map<String, List<String>> params, Function<String, List<Option>> dynamicOptions, FieldErrors errors) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field f : fields) {
      if (f.type() == Type.TEXT || f.key() == null) {
        continue;
      }
      List<String> raw = params.getOrDefault(f.key(), List.of()).stream()
          .map(String::strip).filter(s -> !s.isEmpty()).toList();
      String first = raw.isEmpty() ? null : raw.get(0);
      List<Option> options = f.valuesKey() != null ? dynamicOptions.apply(f.valuesKey()) : f.options();
      switch (f.type()) {
        case CHECKBOX -> {
          boolean checked = first != null && (first.equals("true") || first.equals("on"));
          if (f.required() && !checked) {
            errors.reject(f.key(), "validation.mustConfirm");
          }
          values.put(f.key(), checked);
        }
        case CHECKLIST -> {
          if (raw.isEmpty() && f.required()) {
            errors.reject(f.key(), "validation.required");
          } else if (!raw.stream().allMatch(r -> options.stream().anyMatch(o -> o.value().equals(r)))) {
            errors.reject(f.key(), "validation.option");
          } else {
            values.put(f.key(), List.copyOf(new java.util.LinkedHashSet<>(raw)));
          }
        }
        default -> {
          if (first == null) {
            if (f.required()) {
              errors.reject(f.key(), "validation.required");
            }
            continue;
          }
          Object value = readOne(f, first, options, errors);
          if (value != null) {
            values.put(f.key(), value);
          }
        }
      }
    }
    return new FormValues(values);
  }

  private static Object readOne(Field f, String raw, List<Option> options, FieldErrors errors) {
    switch (f.type()) {
      case NUMBER -> {
        double d;
        try {
          d = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
          errors.reject(f.key(), "validation.number");
          return null;
        }
        if (Double.isNaN(d) || Double.isInfinite(d) || (f.min() != null && d < f.min()) || (f.max() != null && d > f.max())) {
          errors.reject(f.key(), "validation.range", fmt(f.min()), fmt(f.max()));
          return null;
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
          return (long) d;
        }
        return d;
      }
      case DATE -> {
        try {
          LocalDate date = LocalDate.parse(raw);
          if (date.getYear() < 1900 || date.getYear() > 2200) {
            errors.reject(f.key(), "validation.date");
            return null;
          }
          return date;
        } catch (DateTimeParseException e) {
          errors.reject(f.key(), "validation.date");
          return null;
        }
      }
      case SELECT, RADIO -> {
        if (options.stream().noneMatch(o -> o.value().equals(raw))) {
          errors.reject(f.key(), "validation.option");
          return null;
        }
        return raw;
      }
      default -> {
        int max = f.maxLength() != null ? f.maxLength() : DEFAULT_MAX_LENGTH;
        if (raw.length() > max) {
          errors.reject(f.key(), "validation.tooLong", max);
          return null;
        }
        if (CONTROL.matcher(raw).find()) {
          errors.reject(f.key(), "validation.characters");
          return null;
        }
        if (f.minLength() != null && raw.length() < f.minLength()) {
          errors.reject(f.key(), "validation.tooShort", f.minLength());
          return null;
        }
        if (f.pattern() != null && !matches(f.pattern(), raw)) {
          errors.reject(f.key(), "validation.pattern");
          return null;
        }
        return raw;
      }
    }
  }

  /** As the form viewer does (a JavaScript RegExp test): a search, anchored only by the pattern itself. */
  private static boolean matches(String pattern, String value) {
    try {
      return Pattern.compile(pattern).matcher(value).find();
    } catch (PatternSyntaxException e) {
      return true; // a broken pattern in a form is the designer's error, not the user's
    }
  }

  private static String fmt(Double d) {
    if (d == null) {
      return "-";
    }
    return d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString();
  }
}
