package org.careflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.careflow.shared.FieldErrors;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A user changes their password; after a login with an initial password, every page leads here until
 * they have (the REST API is not held up: see {@link InitialPasswords}).
 */
@Controller
class PasswordChangeController {

  /** Set at a page login with an initial password; the pages send the user to the change until it is done. */
  static final String MUST_CHANGE = "careflow.mustChangePassword";

  private final Accounts accounts;
  private final InitialPasswords initial;
  private final NewPasswordCheck check;

  PasswordChangeController(Accounts accounts, InitialPasswords initial, NewPasswordCheck check) {
    this.accounts = accounts;
    this.initial = initial;
    this.check = check;
  }

  @GetMapping("/account/password")
  String page(HttpSession session, Model model) {
    model.addAttribute("forced", session.getAttribute(MUST_CHANGE) != null);
    return "identity/first-password";
  }

  @PostMapping("/account/password")
  String change(@RequestParam(value = "current", required = false) String current,
      @RequestParam(value = "password", required = false) String password,
      @RequestParam(value = "repeat", required = false) String repeat, Authentication auth, HttpSession session, Model model) {
    String user = auth.getName();
    FieldErrors errors = new FieldErrors();
    if (current == null || current.isEmpty()) {
      errors.reject("current", "validation.required");
    }
    check.check(user, password, "password", errors);
    if (!errors.has("password") && !password.equals(repeat)) {
      errors.reject("repeat", "password.repeatDiffers");
    }
    if (!errors.has("password") && password.equals(current)) {
      errors.reject("password", "password.sameAsBefore");
    }
    if (errors.isEmpty() && !accounts.checkPassword(user, current)) {
      errors.reject("current", "password.currentWrong");
    }
    if (!errors.isEmpty()) {
      model.addAttribute("forced", session.getAttribute(MUST_CHANGE) != null);
      model.addAttribute("errors", errors.all());
      return "identity/first-password";
    }
    accounts.setPassword(user, password);
    initial.changed(user);
    session.removeAttribute(MUST_CHANGE);
    return "redirect:/?passwordChanged";
  }

  /** Holds a user who logged in with an initial password on the change page (pages only). */
  @Configuration
  static class FirstLoginPages implements WebMvcConfigurer {

    private static final Set<String> OPEN = Set.of("/account/password", "/login", "/logout", "/error");

    private final InitialPasswords initial;

    FirstLoginPages(InitialPasswords initial) {
      this.initial = initial;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
      registry.addInterceptor(new HandlerInterceptor() {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
          HttpSession session = request.getSession(false);
          if (session == null || session.getAttribute(MUST_CHANGE) == null) {
            return true;
          }
          String path = request.getRequestURI().substring(request.getContextPath().length());
          if (OPEN.contains(path) || path.startsWith("/api/") || path.startsWith("/css/") || path.startsWith("/js/")) {
            return true;
          }
          if (request.getUserPrincipal() == null || !initial.mustChange(request.getUserPrincipal().getName())) {
            session.removeAttribute(MUST_CHANGE); // changed elsewhere meanwhile (Camunda Admin, REST)
            return true;
          }
          response.sendRedirect(request.getContextPath() + "/account/password");
          return false;
        }
      });
    }
  }
}
