package org.ums.authentication;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.ums.account.Actor;

/** A request authenticated by a valid access token; its principal is the {@link Actor}. */
final class ActorAuthentication extends AbstractAuthenticationToken {

  private final Actor actor;
  private final transient Jwt token;

  ActorAuthentication(Actor actor, Jwt token) {
    super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
    this.actor = actor;
    this.token = token;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return token;
  }

  @Override
  public Actor getPrincipal() {
    return actor;
  }

  @Override
  public String getName() {
    return actor.id().toString();
  }
}
