package org.careflow.identity;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the page header offers the signed-in person, asked by the layout as {@code @menu.any('teacher', ...)}.
 * It answers what {@code sec:authorize="hasAnyRole(...)"} answered, without parsing a security expression
 * and building its evaluation context for each of the header's two dozen links on every page (about a
 * twentieth of the inbox page's time, docs/PERFORMANCE.md). It only hides links: every page and action
 * checks its own roles (SecurityConfig, the services).
 */
@Component("menu")
public class Menu {

  /** Whether someone has signed in (not the anonymous visitor of the login page). */
  public boolean signedIn() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
  }

  /** Whether the signed-in person has at least one of these roles. */
  public boolean any(String... roles) {
    if (!signedIn()) {
      return false;
    }
    for (GrantedAuthority a : SecurityContextHolder.getContext().getAuthentication().getAuthorities()) {
      for (String role : roles) {
        if (("ROLE_" + role).equals(a.getAuthority())) {
          return true;
        }
      }
    }
    return false;
  }
}
