package org.careflow.child;

public enum CaseStatus {
  /** Registered, waiting for the archive, the eligibility decision and the verification visit. */
  ENROLLING,
  /** The eligibility rules say the child is not left behind; the case ended with the reason. */
  NOT_ELIGIBLE,
  /** Eligible and cared for during the term. */
  ACTIVE,
  CLOSED
}
