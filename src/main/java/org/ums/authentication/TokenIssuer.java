package org.ums.authentication;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
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
  private final NimbusJwtEncoder encoder;

  TokenIssuer(SigningKeys keys, AuthenticationProperties properties, Clock clock) {
    this.keys = keys;
    this.properties = properties;
    this.clock = clock;
    this.encoder = new NimbusJwtEncoder((selector, context) -> selector.select(keys.signingKeySet()));
  }

  IssuedToken issue(AuthenticatedUser user, java.util.UUID session) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.accessTokenLifetime());
    var claims = JwtClaimsSet.builder()
        .subject(user.id().value().toString())
        .claim(ROLE_CLAIM, user.role().name())
        .claim(SESSION_CLAIM, session.toString())
        .claim(VERSION_CLAIM, user.tokenVersion())
        .issuer(properties.issuer())
        .issuedAt(now)
        .expiresAt(expiresAt)
        .build();
    var key = keys.signingKey();
    var header = JwsHeader.with(SignatureAlgorithm.from(key.getAlgorithm().getName())).keyId(key.getKeyID())
        .type("JWT").build();
    String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    return new IssuedToken(token, properties.accessTokenLifetime().toSeconds());
  }

  record IssuedToken(String value, long expiresInSeconds) {
  }
}
