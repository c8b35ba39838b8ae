package org.careflow.child;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.careflow.shared.FieldErrors;
import org.careflow.shared.FormValues;

/**
 * One field of the archive as the registration form and the history know it: its key in the form, its
 * kind (which decides the validation) and how it is read from and written to the {@link Child}.
 */
record ArchiveField(String key, Kind kind, boolean required, int maxLength,
    Function<Child, Object> getter, BiConsumer<Child, Object> setter) {

  enum Kind { NAME, TEXT, PHONE, PAST_DATE, BIRTH_DATE, AGE, FLAG, SEX, CARE_TYPE, STUDENT_NO }

  /** Mainland mobile numbers, and landlines with an area code (0xx-xxxxxxxx). */
  static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("1[3-9]\\d{9}");
  static final java.util.regex.Pattern LANDLINE = java.util.regex.Pattern.compile("0\\d{2,3}-?\\d{7,8}");
  static final java.util.regex.Pattern STUDENT_NO_FORMAT = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,20}");

  /** Characters no person's name has: markup, brackets, statement separators and control characters. */
  static final java.util.regex.Pattern NOT_IN_NAMES = java.util.regex.Pattern.compile("[<>{}\\[\\];=\\\\/|\\p{Cntrl}]");
  /** Control characters other than line breaks and tabs: never in free text either. */
  static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

  /** The message code for a name that no person has, or null. */
  static String nameProblem(String name) {
    return NOT_IN_NAMES.matcher(name).find() ? "validation.nameCharacters" : null;
  }

  /** Reads and checks the submitted value; returns it converted, or rejects it into errors. */
  Object read(FormValues values, LocalDate today, FieldErrors errors) {
    Object value = switch (kind) {
      case FLAG -> values.flag(key);
      case AGE -> values.integer(key);
      case PAST_DATE, BIRTH_DATE -> values.date(key);
      default -> values.text(key);
    };
    if (value == null) {
      if (required) {
        errors.reject(key, "validation.required");
      }
      return null;
    }
    switch (kind) {
      case TEXT -> {
        if (((String) value).length() > maxLength) {
          errors.reject(key, "validation.tooLong", maxLength);
        } else if (CONTROL.matcher((String) value).find()) {
          errors.reject(key, "validation.characters");
        }
      }
      case NAME -> {
        if (((String) value).length() > maxLength) {
          errors.reject(key, "validation.tooLong", maxLength);
        } else if (nameProblem((String) value) != null) {
          errors.reject(key, nameProblem((String) value));
        }
      }
      case STUDENT_NO -> {
        if (!STUDENT_NO_FORMAT.matcher((String) value).matches()) {
          errors.reject(key, "validation.studentNo");
        }
      }
      case PHONE -> {
        String phone = ((String) value).replace(" ", "");
        if (!MOBILE.matcher(phone).matches() && !LANDLINE.matcher(phone).matches()) {
          errors.reject(key, "validation.phone");
        }
        value = phone;
      }
      case PAST_DATE -> {
        if (((LocalDate) value).isAfter(today)) {
          errors.reject(key, "validation.pastDate");
        }
      }
      case BIRTH_DATE -> {
        LocalDate d = (LocalDate) value;
        if (d.isAfter(today)) {
          errors.reject(key, "validation.pastDate");
        } else if (d.isBefore(today.minusYears(20)) || d.isAfter(today.minusYears(2))) {
          errors.reject(key, "validation.birthDate");
        }
      }
      case AGE -> {
        int age = (Integer) value;
        if (age < 16 || age > 110) {
          errors.reject(key, "validation.range", 16, 110);
        }
      }
      case SEX -> {
        if (!List.of("M", "F").contains(value)) {
          errors.reject(key, "validation.option");
        }
      }
      case CARE_TYPE -> {
        try {
          value = CareType.valueOf((String) value);
        } catch (IllegalArgumentException e) {
          errors.reject(key, "validation.option");
        }
      }
      default -> { }
    }
    return value;
  }

  static String display(Object value) {
    return value == null ? null : value.toString();
  }
}
