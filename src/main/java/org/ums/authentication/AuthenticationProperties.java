package org.ums.authentication;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings.
 *
 * @param issuer the {@code iss} claim, by default the public URL
 * @param accessTokenLifetime how long an access token works (15 minutes by default)
 * @param refreshTokenLifetime how long a login can be renewed with refresh tokens (14 days by default)
 * @param revocationLag how long an instance may keep accepting an access token after its account revoked it
 *     (30 seconds by default): the token versions it checks are cached that long
 * @param privateKey an RSA private key in PKCS#8 PEM to sign with; when blank, a key is generated once and kept
 *     in the database so that every instance and every restart accepts the same tokens
 */
@ConfigurationProperties("ums.authentication")
record AuthenticationProperties(String issuer, Duration accessTokenLifetime, Duration refreshTokenLifetime,
    Duration revocationLag, String privateKey) {

  AuthenticationProperties {
    issuer = issuer == null || issuer.isBlank() ? "ums" : issuer;
    accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(15) : accessTokenLifetime;
    refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofDays(14) : refreshTokenLifetime;
    revocationLag = revocationLag == null || revocationLag.isNegative() ? Duration.ofSeconds(30) : revocationLag;
  }

  boolean hasConfiguredKey() {
    return privateKey != null && !privateKey.isBlank();
  }
}
