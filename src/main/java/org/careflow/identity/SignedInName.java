package org.careflow.identity;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's header names the signed-in person as colleagues know them (王老师), not by their login name. */
@ControllerAdvice(annotations = Controller.class)
class SignedInName {

  private final Accounts accounts;

  SignedInName(Accounts accounts) {
    this.accounts = accounts;
  }

  @ModelAttribute("signedInName")
  String signedInName(Authentication auth) {
    return auth == null || !auth.isAuthenticated() ? null : accounts.personName(auth.getName());
  }
}
