package org.ums.authentication;

import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.ums.account.Actor;
import org.ums.account.Role;
import org.ums.account.UserId;

/** Reads the caller out of a verified token; a token whose claims make no sense is refused like a bad one. */
class ActorTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    try {
      var actor = new Actor(UserId.of(UUID.fromString(jwt.getSubject())),
          Role.valueOf(jwt.getClaimAsString(TokenIssuer.ROLE_CLAIM)));
      return new ActorAuthentication(actor, jwt);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidBearerTokenException("The token does not name a user and a role");
    }
  }
}
