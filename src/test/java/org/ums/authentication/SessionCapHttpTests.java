package org.ums.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import tools.jackson.databind.JsonNode;

/** One account has at most UMS_MAX_SESSIONS_PER_USER active logins: a login past it ends the oldest. */
@HttpTest
@TestPropertySource(properties = "ums.authentication.max-sessions-per-user=3")
class SessionCapHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @Autowired
  Api api;

  @Test
  void aLoginPastTheCapEndsTheOldestLoginWithItsTokens() {
    String email = Emails.unique("many-devices");
    api.registerVerifiedMember(email, PASSWORD);
    var logins = new ArrayList<JsonNode>();
    for (int login = 0; login < 5; login++) {
      logins.add(api.postForm("/login/", Map.of("username", email, "password", PASSWORD)).json());
    }

    String newest = logins.get(4).get("access_token").asString();
    assertThat(api.get("/users/me/sessions", newest).json().get("items")).hasSize(3);
    for (int ended = 0; ended < 2; ended++) {
      assertThat(api.get("/users/me", logins.get(ended).get("access_token").asString()).status()).isEqualTo(401);
      assertThat(api.postForm("/token/refresh", Map.of("refresh_token",
          logins.get(ended).get("refresh_token").asString())).status()).isEqualTo(401);
    }
    for (int kept = 2; kept < 5; kept++) {
      assertThat(api.get("/users/me", logins.get(kept).get("access_token").asString()).status()).isEqualTo(200);
    }
  }
}
