package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailVerificationTokenTests {

  @Test
  void storesOnlyTheHashOfTheToken() {
    assertThat(SecretTokens.hash("secret")).hasSize(32).isNotEqualTo("secret".getBytes());
    assertThat(SecretTokens.hash("secret")).isEqualTo(SecretTokens.hash("secret"));
  }
}
