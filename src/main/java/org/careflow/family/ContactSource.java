package org.careflow.family;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Contact with the child that counts as family contact beside the parents' calls: another module (the carers
 * who act as 代理家长) says when someone last visited or called the child. {@link ParentContact} counts it in the
 * weeks without contact (the risk rules); whether the parents themselves are unreachable stays a question of
 * the parents' calls.
 */
public interface ContactSource {

  /** The day of the child's latest such contact, if any. */
  Optional<LocalDate> lastContact(long childId);
}
