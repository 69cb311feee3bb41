package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmailVerificationTokenTests {

  private static final Instant NOW = Instant.parse("2026-11-21T14:05:00Z");

  @Test
  void expiresAtTheEndOfItsLifetime() {
    var token = new EmailVerificationToken(UserId.random(), new byte[32], NOW.plus(Duration.ofHours(24)), NOW);
    assertThat(token.isExpiredAt(NOW.plus(Duration.ofHours(24)).minusSeconds(1))).isFalse();
    assertThat(token.isExpiredAt(NOW.plus(Duration.ofHours(24)))).isTrue();
  }

  @Test
  void belongsOnlyToItsUser() {
    UserId owner = UserId.random();
    var token = new EmailVerificationToken(owner, new byte[32], NOW.plusSeconds(60), NOW);
    assertThat(token.belongsTo(owner)).isTrue();
    assertThat(token.belongsTo(UserId.random())).isFalse();
  }

  @Test
  void storesOnlyTheHashOfTheToken() {
    assertThat(EmailVerification.hash("secret")).hasSize(32).isNotEqualTo("secret".getBytes());
  }
}
