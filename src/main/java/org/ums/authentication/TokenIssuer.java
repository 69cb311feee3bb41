package org.ums.authentication;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.util.Date;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.ums.account.AuthenticatedUser;

/**
 * Signs access tokens: {@code sub} is the user id, {@code role} the role, {@code sid} the session, with {@code iat},
 * {@code exp} and {@code iss}.
 */
@Component
@ConditionalOnWebApplication
class TokenIssuer {

  static final String ROLE_CLAIM = "role";
  /** The session (login) a token belongs to, so that logging out can end it. */
  static final String SESSION_CLAIM = "sid";
  /** The account's token version at issue; a token of an older version is refused ({@link TokenRevocation}). */
  static final String VERSION_CLAIM = "ver";

  private final SigningKeys keys;
  private final AuthenticationProperties properties;
  private final Clock clock;

  TokenIssuer(SigningKeys keys, AuthenticationProperties properties, Clock clock) {
    this.keys = keys;
    this.properties = properties;
    this.clock = clock;
  }

  IssuedToken issue(AuthenticatedUser user, java.util.UUID session) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.accessTokenLifetime());
    var claims = new JWTClaimsSet.Builder()
        .subject(user.id().value().toString())
        .claim(ROLE_CLAIM, user.role().name())
        .claim(SESSION_CLAIM, session.toString())
        .claim(VERSION_CLAIM, user.tokenVersion())
        .issuer(properties.issuer())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(expiresAt))
        .build();
    var signing = keys.signing();
    var header = new JWSHeader.Builder((JWSAlgorithm) signing.key().getAlgorithm()).keyID(signing.key().getKeyID())
        .type(JOSEObjectType.JWT).build();
    var jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signing.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("The access token cannot be signed", e);
    }
    return new IssuedToken(jwt.serialize(), properties.accessTokenLifetime().toSeconds());
  }

  record IssuedToken(String value, long expiresInSeconds) {
  }
}
