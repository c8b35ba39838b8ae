package org.careflow.shared;

/**
 * Phone numbers as {@code tel:} links, so that a teacher on a phone calls with one tap. Controllers put
 * the links in the model (Thymeleaf evaluates {@code th:href} in a restricted mode without bean calls).
 */
public final class PhoneLinks {

  private PhoneLinks() {}

  /** "tel:" and the digits to dial (with a leading +), or null when there is nothing to dial. */
  public static String href(String number) {
    String d = dialable(number);
    return d == null ? null : "tel:" + d;
  }

  public static String dialable(String number) {
    if (number == null) {
      return null;
    }
    String d = number.replaceAll("[^0-9+]", "");
    return d.isEmpty() ? null : d;
  }
}
