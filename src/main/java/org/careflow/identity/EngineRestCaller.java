package org.careflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * Tells the engine REST API who calls it, with the groups Spring Security has just read. The engine's own
 * container-based provider names only the user, and its filter then reads the user's groups once more
 * (one query per call). On {@code /engine-rest} every call signs in anew with HTTP Basic (the chain keeps
 * no session, SecurityConfig), and {@link EngineIdentityAuthenticationProvider} turns every group of the
 * user, read in this same request, into a {@code ROLE_} authority: the same groups, as fresh. Tenants are
 * still read by the engine (careflow has none, but an administrator could add one in Camunda Admin).
 */
public class EngineRestCaller extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
    if (result.isAuthenticated() && request.getUserPrincipal() instanceof UsernamePasswordAuthenticationToken token
        && token.isAuthenticated() && result.getAuthenticatedUser().equals(token.getName())) {
      List<String> groups = token.getAuthorities().stream()
          .map(GrantedAuthority::getAuthority)
          .filter(a -> a.startsWith("ROLE_"))
          .map(a -> a.substring("ROLE_".length()))
          .toList();
      result.setGroups(groups);
    }
    return result;
  }
}
