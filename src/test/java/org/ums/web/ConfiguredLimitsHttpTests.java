package org.ums.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;

/** Settings an operator turns: allowed browser origins, and a verification link lifetime too short to use. */
@HttpTest
@TestPropertySource(properties = {
    "ums.web.cors-allowed-origins=https://app.example",
    "ums.account.verification-token-lifetime=1ms"})
class ConfiguredLimitsHttpTests {

  @Autowired
  Api api;


  @Test
  void allowsConfiguredOriginOnly() {
    var allowed = api.send(api.request("/users/", null).header("Origin", "https://app.example")
        .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
    var other = api.send(api.request("/users/", null).header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(other.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void expiredVerificationLinkIs400() {
    String email = Emails.unique("late");
    api.postJson("/register/", body("email", email, "password", "a long enough secret"));
    var response = api.get(MailInbox.awaitMessage(email).verificationPath());
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString()).contains("expired");
  }
}
