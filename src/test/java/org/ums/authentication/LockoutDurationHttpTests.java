package org.ums.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;

@HttpTest
@TestPropertySource(properties = "ums.account.lockout-duration=2s")
class LockoutDurationHttpTests {

  @Autowired
  Api api;

  private static final String PASSWORD = "a long enough secret";


  @Test
  void timedLockEndsByItselfAndTheAccountReadsAsUnlocked() {
    String email = Emails.unique("timed");
    var member = api.registerVerifiedMember(email, PASSWORD);
    for (int attempt = 0; attempt < 3; attempt++) {
      api.postForm("/login/", Map.of("username", email, "password", "wrong"));
    }
    assertThat(api.postForm("/login/", Map.of("username", email, "password", PASSWORD)).status()).isEqualTo(400);
    String admin = api.loginAsAdmin();
    assertThat(api.get("/users/" + member.id(), admin).json().get("is_locked").asBoolean()).isTrue();

    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
        api.postForm("/login/", Map.of("username", email, "password", PASSWORD)).status() == 200);
    assertThat(api.get("/users/" + member.id(), admin).json().get("is_locked").asBoolean()).isFalse();
  }
}
