package org.careflow.identity;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is logged in, as the modules need it: the user id and the role groups. */
public record CurrentUser(String id, List<String> roles) {

  public static CurrentUser of(Authentication auth) {
    List<String> roles = auth.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring(5))
        .toList();
    return new CurrentUser(auth.getName(), roles);
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return has(Roles.ADMIN);
  }

  /** Coordinators, supervisors, counsellors and admins look after the whole school. */
  public boolean seesWholeSchool() {
    return has(Roles.COORDINATOR) || has(Roles.SUPERVISOR) || has(Roles.COUNSELLOR) || isAdmin();
  }
}
