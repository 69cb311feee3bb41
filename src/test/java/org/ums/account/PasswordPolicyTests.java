package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

  private final PasswordPolicy policy = new PasswordPolicy();

  @Test
  void acceptsLongUncommonPassphrase() {
    assertThat(policy.check("password", "correct horse battery staple")).isEmpty();
  }

  @Test
  void rejectsTooShortAndTooLong() {
    assertThat(policy.check("password", "seven77")).hasValueSatisfying(v -> assertThat(v.code()).isEqualTo("Size"));
    assertThat(policy.check("password", "x".repeat(129))).isPresent();
    assertThat(policy.check("password", "x".repeat(128))).isEmpty();
  }

  @Test
  void rejectsCommonPasswordsWithoutRegardToCase() {
    assertThat(policy.check("password", "Password1")).hasValueSatisfying(
        v -> assertThat(v.code()).isEqualTo("CommonPassword"));
    assertThat(policy.check("password", "qwertyuiop")).isPresent();
  }

  @Test
  void countsCharactersNotBytes() {
    assertThat(policy.check("password", "ü".repeat(8))).isEmpty();
  }
}
