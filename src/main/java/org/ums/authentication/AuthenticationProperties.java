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
 * @param algorithm the algorithm of generated keys, {@code RS256} (RSA 2048) or {@code ES256} (P-256); when blank,
 *     a new installation's first key is ES256 and a rotation keeps the algorithm of the key it replaces
 * @param signingKeyRotation the age at which a generated key is replaced by a new one (90 days by default; 0
 *     never)
 * @param maxSessionsPerUser the active sessions one account may have; a login past it ends the oldest (100)
 */
@ConfigurationProperties("ums.authentication")
record AuthenticationProperties(String issuer, Duration accessTokenLifetime, Duration refreshTokenLifetime,
    Duration revocationLag, String privateKey, String algorithm, Duration signingKeyRotation,
    Integer maxSessionsPerUser) {

  AuthenticationProperties {
    issuer = issuer == null || issuer.isBlank() ? "ums" : issuer;
    accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(15) : accessTokenLifetime;
    refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofDays(14) : refreshTokenLifetime;
    revocationLag = revocationLag == null || revocationLag.isNegative() ? Duration.ofSeconds(30) : revocationLag;
    algorithm = algorithm == null || algorithm.isBlank() ? null : algorithm.strip().toUpperCase(java.util.Locale.ROOT);
    if (algorithm != null && !algorithm.equals("RS256") && !algorithm.equals("ES256")) {
      throw new IllegalArgumentException("UMS_JWT_ALGORITHM must be RS256 or ES256, not " + algorithm);
    }
    signingKeyRotation = signingKeyRotation == null || signingKeyRotation.isNegative() ? Duration.ofDays(90)
        : signingKeyRotation;
    maxSessionsPerUser = maxSessionsPerUser == null ? 100 : maxSessionsPerUser;
    if (maxSessionsPerUser < 1) {
      throw new IllegalArgumentException("UMS_MAX_SESSIONS_PER_USER must be at least 1, not " + maxSessionsPerUser);
    }
  }

  boolean hasConfiguredKey() {
    return privateKey != null && !privateKey.isBlank();
  }
}
