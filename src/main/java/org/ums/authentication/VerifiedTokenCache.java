package org.ums.authentication;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens whose signature and claims were already verified, until they expire, so that a client
 * sending the same token on every request pays for the RSA verification once. A token is immutable: what was
 * verified stays true except its expiry, which is checked on every use. Bounded: when full, it starts afresh.
 */
final class VerifiedTokenCache implements JwtDecoder {

  private final JwtDecoder delegate;
  private final Clock clock;
  private final int capacity;
  private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

  VerifiedTokenCache(JwtDecoder delegate, Clock clock, int capacity) {
    this.delegate = delegate;
    this.clock = clock;
    this.capacity = capacity;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Jwt known = verified.get(token);
    Instant now = clock.instant();
    if (known != null && known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())) {
      return known;
    }
    if (known != null) {
      verified.remove(token);
    }
    Jwt jwt = delegate.decode(token);
    if (verified.size() >= capacity) {
      verified.clear();
    }
    verified.put(token, jwt);
    return jwt;
  }
}
