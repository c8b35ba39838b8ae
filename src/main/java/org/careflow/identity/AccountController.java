package org.careflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in user changes their own password: the current one (checked through the login throttle, like
 * every password check) and the new one twice, which must meet {@link PasswordRules}. Public so that other
 * pages (a first-login password change) can send users here or reuse {@link #change}.
 */
@Controller
public class AccountController {

  private final IdentityService identity;
  private final EngineIdentityAuthenticationProvider passwords;
  private final PasswordRules rules;
  private final MessageSource messages;
  private final InitialPasswords initial;

  public AccountController(IdentityService identity, EngineIdentityAuthenticationProvider passwords, PasswordRules rules,
      MessageSource messages, InitialPasswords initial) {
    this.identity = identity;
    this.passwords = passwords;
    this.rules = rules;
    this.messages = messages;
    this.initial = initial;
  }

  @GetMapping("/account/password")
  public String form(HttpSession session, Model model) {
    model.addAttribute("minLength", rules.minLength());
    model.addAttribute("forced", session.getAttribute(FirstLogin.MUST_CHANGE) != null);
    return "identity/password";
  }

  @PostMapping("/account/password")
  public String submit(Authentication auth, @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String password, @RequestParam(required = false) String confirm,
      @RequestParam(required = false) String repeat, HttpServletRequest request, HttpServletResponse response,
      HttpSession session, Locale locale, Model model) {
    String again = confirm != null ? confirm : repeat == null ? "" : repeat;
    List<String> errors = change(auth.getName(), current, password, again, new WebAuthenticationDetails(request), locale);
    model.addAttribute("minLength", rules.minLength());
    if (!errors.isEmpty()) {
      model.addAttribute("errors", errors);
      model.addAttribute("forced", session.getAttribute(FirstLogin.MUST_CHANGE) != null);
      response.setStatus(422); // a form shown again with its errors (docs/ARCHITECTURE.md "Errors")
      return "identity/password";
    }
    initial.changed(auth.getName());
    if (session.getAttribute(FirstLogin.MUST_CHANGE) != null) {
      // the first-login change is done: on to the work
      session.removeAttribute(FirstLogin.MUST_CHANGE);
      return "redirect:/?passwordChanged";
    }
    return "redirect:/account/password?changed";
  }

  /**
   * Changes a user's password when the current one is right and the new one (typed twice) meets the rules;
   * otherwise changes nothing and returns what is wrong, in the user's language.
   */
  public List<String> change(String userId, String current, String password, String confirm, Object details, Locale locale) {
    List<String> errors = new ArrayList<>();
    UsernamePasswordAuthenticationToken check = UsernamePasswordAuthenticationToken.unauthenticated(userId, current);
    check.setDetails(details);
    try {
      passwords.authenticate(check);
    } catch (LockedException e) {
      errors.add(messages.getMessage("login.locked", null, locale));
      return errors;
    } catch (AuthenticationException e) {
      errors.add(messages.getMessage("account.password.currentWrong", null, locale));
      return errors;
    }
    if (!password.equals(confirm)) {
      errors.add(messages.getMessage("account.password.mismatch", null, locale));
    }
    errors.addAll(rules.problems(userId, password, locale));
    if (password.equals(current) && errors.isEmpty()) {
      errors.add(messages.getMessage("account.password.same", null, locale));
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    User u = identity.createUserQuery().userId(userId).singleResult();
    u.setPassword(password);
    identity.saveUser(u);
    return errors;
  }
}
