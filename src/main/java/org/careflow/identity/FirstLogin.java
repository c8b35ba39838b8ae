package org.careflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * After a page login with an initial password every page leads to {@code /account/password} (see
 * {@link AccountController}) until the user has chosen their own; the REST API is not held up (see
 * {@link InitialPasswords}).
 */
final class FirstLogin {

  /** Set at a page login with an initial password; the pages send the user to the change until it is done. */
  static final String MUST_CHANGE = "careflow.mustChangePassword";

  private FirstLogin() {}

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
