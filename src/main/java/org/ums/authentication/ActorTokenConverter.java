package org.ums.authentication;

import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.ums.account.Actor;
import org.ums.account.Role;
import org.ums.account.UserId;

/**
 * Reads the caller out of a verified token; a token whose claims make no sense is refused like a bad one, and so is
 * a revoked one ({@link TokenRevocation}).
 */
class ActorTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  private final TokenRevocation revocation;

  ActorTokenConverter(TokenRevocation revocation) {
    this.revocation = revocation;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Actor actor;
    long version;
    UUID session;
    try {
      actor = new Actor(UserId.of(UUID.fromString(jwt.getSubject())),
          Role.valueOf(jwt.getClaimAsString(TokenIssuer.ROLE_CLAIM)));
      Object claimed = jwt.getClaim(TokenIssuer.VERSION_CLAIM);
      // Tokens issued before versions existed count as version 0.
      version = claimed instanceof Number number ? number.longValue() : 0;
      String sid = jwt.getClaimAsString(TokenIssuer.SESSION_CLAIM);
      session = sid == null ? null : UUID.fromString(sid);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidBearerTokenException("The token does not name a user and a role");
    }
    if (!revocation.isCurrent(actor.id().value(), version, session)) {
      throw new InvalidBearerTokenException("The token was revoked");
    }
    return new ActorAuthentication(actor, jwt);
  }
}
