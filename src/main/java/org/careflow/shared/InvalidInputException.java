package org.careflow.shared;

/** A user action was refused because of its input; nothing was written. */
public class InvalidInputException extends RuntimeException {

  private final FieldErrors errors;

  public InvalidInputException(FieldErrors errors) {
    super("invalid input in fields " + errors.all().keySet());
    this.errors = errors;
  }

  public static InvalidInputException of(String field, String code, Object... args) {
    FieldErrors errors = new FieldErrors();
    errors.reject(field, code, args);
    return new InvalidInputException(errors);
  }

  public FieldErrors errors() {
    return errors;
  }
}
