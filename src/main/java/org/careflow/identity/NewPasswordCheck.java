package org.careflow.identity;

import org.careflow.shared.FieldErrors;

/**
 * Whether a password a user chooses is good enough. The first-login change asks this; the password
 * policy (a fuller implementation) takes its place where one exists.
 */
public interface NewPasswordCheck {

  /** Rejects the field {@code field} with a message code when the password is not good enough. */
  void check(String user, String password, String field, FieldErrors errors);
}
