package org.careflow.identity;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is logged in, as the modules need it: the user id and the groups (the role groups, and the
 * scope groups {@code class-<id>} and {@code school-<id>}, see {@link Roles}).
 */
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

  /** Whether they have a role that looks after whole schools (supervisor, coordinator, counsellor, admin). */
  public boolean seesWholeSchool() {
    return has(Roles.COORDINATOR) || has(Roles.SUPERVISOR) || has(Roles.COUNSELLOR) || isAdmin();
  }

  /** The schools whose children they see as a whole: their {@code school-<id>} groups (not admins': all). */
  public Set<Long> schools() {
    if (!(has(Roles.COORDINATOR) || has(Roles.SUPERVISOR) || has(Roles.COUNSELLOR))) {
      return Set.of();
    }
    return roles.stream().map(Roles::schoolOf).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
  }

  /** Whether they see the children of this school as a whole: an admin sees every school. */
  public boolean seesSchool(long schoolId) {
    return isAdmin() || schools().contains(schoolId);
  }
}
