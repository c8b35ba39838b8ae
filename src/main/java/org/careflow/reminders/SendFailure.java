package org.careflow.reminders;

/** A platform refused or could not take a message; {@code error} is the platform's answer (never a secret or token). */
class SendFailure extends Exception {

  private final boolean retry;

  SendFailure(String error, boolean retry) {
    super(error, null, false, false);
    this.retry = retry;
  }

  boolean retry() {
    return retry;
  }
}
