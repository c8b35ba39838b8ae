package org.careflow.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against the engine's identity store (salted SHA-512), behind careflow's
 * {@link LoginThrottle} (per user name and per client address; the engine's own permanent lock is off),
 * and turns the user's groups into roles. Every password check of every door comes through here.
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final LoginThrottle throttle;

  public EngineIdentityAuthenticationProvider(IdentityService identity, LoginThrottle throttle) {
    this.identity = identity;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username == null || username.isBlank() || username.length() > 64 || credentials == null) {
      throw new BadCredentialsException("bad credentials");
    }
    String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    LoginThrottle.Standing standing = throttle.standing(username, address);
    if (standing.locked()) {
      throw new LockedException("locked after repeated wrong passwords");
    }
    // false for a name that does not exist as for a wrong password (the engine reads the user once)
    if (!identity.checkPassword(username, credentials.toString())) {
      throttle.failed(username, address);
      throw new BadCredentialsException("bad credentials");
    }
    throttle.succeeded(username, standing);
    List<SimpleGrantedAuthority> roles = identity.createGroupQuery().groupMember(username).list().stream()
        .map(Group::getId)
        .map(g -> new SimpleGrantedAuthority("ROLE_" + g))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(username, null, roles);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
