package org.careflow.shared;

/** Someone else got there first (a task already completed, a record changed meanwhile): nothing was written. */
public class ConflictException extends RuntimeException {

  private final String code;
  private final transient Object[] args;

  public ConflictException(String code, Object... args) {
    super(code);
    this.code = code;
    this.args = args;
  }

  public String code() {
    return code;
  }

  public Object[] args() {
    return args;
  }
}
