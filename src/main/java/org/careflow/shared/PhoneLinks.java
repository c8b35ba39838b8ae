package org.careflow.shared;

import org.springframework.stereotype.Component;

/** Phone numbers as {@code tel:} links, so that a teacher on a phone calls with one tap ({@code @tel.href(number)}). */
@Component("tel")
public class PhoneLinks {

  /** "tel:" and the digits to dial (with a leading +), or null when there is nothing to dial. */
  public String href(String number) {
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
