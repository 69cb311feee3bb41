package org.ums.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTests {

  private static final Instant ISSUED = Instant.parse("2026-11-21T14:00:00Z");

  private final AtomicInteger verifications = new AtomicInteger();
  private Instant now = ISSUED;

  private final JwtDecoder verifier = token -> {
    verifications.incrementAndGet();
    if (!now.isBefore(ISSUED.plus(Duration.ofMinutes(15)))) {
      throw new BadJwtException("expired");
    }
    return Jwt.withTokenValue(token).header("alg", "RS256").subject("someone")
        .issuedAt(ISSUED).expiresAt(ISSUED.plus(Duration.ofMinutes(15))).build();
  };

  private VerifiedTokenCache cache(int capacity) {
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
    return new VerifiedTokenCache(verifier, clock, capacity);
  }

  @Test
  void verifiesEachTokenOnceWhileItIsValid() {
    var cache = cache(10);
    cache.decode("a");
    cache.decode("a");
    now = ISSUED.plus(Duration.ofMinutes(14));
    assertThat(cache.decode("a").getSubject()).isEqualTo("someone");
    assertThat(verifications).hasValue(1);
  }

  @Test
  void refusesCachedTokenOnceItHasExpired() {
    var cache = cache(10);
    cache.decode("a");
    now = ISSUED.plus(Duration.ofMinutes(15));
    assertThatThrownBy(() -> cache.decode("a")).isInstanceOf(BadJwtException.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void staysWithinItsCapacity() {
    var cache = cache(2);
    cache.decode("a");
    cache.decode("b");
    cache.decode("c");
    cache.decode("a");
    assertThat(verifications).hasValue(4);
  }
}
