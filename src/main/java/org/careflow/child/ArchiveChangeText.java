package org.careflow.child;

/**
 * How a change of the archive reads: the field's label and each value as a message code (an enumerated
 * value, a yes/no, an empty value) or as written. The child's page and the printable files both use it,
 * so neither shows a stored code ("WRITTEN", "BOTH_AWAY", "M", "true").
 */
public final class ArchiveChangeText {

  private ArchiveChangeText() {}

  /** A value shown either through a message code or as written. */
  public record Shown(String code, String text) {}

  /** The message code of the changed field's label. */
  public static String fieldLabel(String field) {
    return switch (field) {
      case "roster" -> "history.field.roster";
      case "class" -> "history.field.class";
      default -> "archive." + field;
    };
  }

  /** One value of the field, before or after the change. */
  public static Shown shown(String field, String value) {
    if (value == null || value.isEmpty()) {
      return new Shown("history.empty", null);
    }
    if ("consent".equals(field)) {
      return new Shown("code.consent." + value, null);
    }
    ArchiveField.Kind kind = ArchiveFields.ALL.stream().filter(f -> f.key().equals(field)).map(ArchiveField::kind)
        .findFirst().orElse(null);
    if (kind == null) {
      return new Shown(null, value);
    }
    return switch (kind) {
      case FLAG -> new Shown("true".equals(value) ? "bool.yes" : "bool.no", null);
      case SEX -> new Shown("code.sex." + value, null);
      case CARE_TYPE -> new Shown("code.careType." + value, null);
      default -> new Shown(null, value);
    };
  }
}
