package org.ums.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;
import tools.jackson.databind.JsonNode;

/**
 * Failed logins lock an account for a while, longer each time in a row, without ending its owner's logins; only an
 * administrator locks it for good; one address has a share of failed logins, so it cannot lock many accounts. Here
 * the lockouts last 2, 4 and 6 seconds instead of 1, 5, 15 and 60 minutes, and 127.0.0.1 is a trusted proxy so that
 * a test can stand for several addresses.
 */
@HttpTest
@TestPropertySource(properties = {"ums.account.lockout-durations=2s,4s,6s",
    "ums.rate-limit.login-failures-per-ip-per-hour=5", "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"})
class LockoutHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @Autowired
  Api api;

  @Test
  void aLockoutEndsByItselfGrowsWhenRepeatedAndLeavesTheOwnersLoginsAlone() {
    String email = Emails.unique("guessed");
    var member = api.registerVerifiedMember(email, PASSWORD);
    JsonNode owner = login(email, PASSWORD, newAddress()).json();

    fail(email, 3);
    var locked = login(email, PASSWORD, newAddress());
    assertThat(locked.status()).isEqualTo(400);
    assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 3L);
    assertThat(locked.json().get("detail").asString()).contains("locked for 1 more minute");
    // The owner's login goes on: whoever guesses passwords does not end it.
    assertThat(api.get("/users/me", owner.get("access_token").asString()).status()).isEqualTo(200);
    var renewed = api.postForm("/token/refresh", Map.of("refresh_token", owner.get("refresh_token").asString()));
    assertThat(renewed.status()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).until(() -> login(email, "wrong", newAddress()).status() == 401);
    fail(email, 2);
    var again = login(email, PASSWORD, newAddress());
    assertThat(again.status()).isEqualTo(400);
    assertThat(Long.parseLong(again.header("Retry-After"))).isBetween(3L, 5L);

    String admin = api.loginAsAdmin();
    JsonNode audit = api.get("/audit-events/?action=user_locked&target=" + member.id(), admin).json();
    assertThat(audit.get("total").asLong()).isEqualTo(2);
    assertThat(audit.get("items").get(0).get("details").get("reason").asString()).isEqualTo("failed_logins");
    assertThat(audit.get("items").get(0).get("details").get("lockouts_in_a_row").asInt()).isEqualTo(2);
    // One email for the run of lockouts, not one each time.
    await().until(() -> MailInbox.messagesTo(email).stream().anyMatch(m -> m.subject().equals("Your account is locked")));
    assertThat(MailInbox.messagesTo(email).stream().filter(m -> m.subject().equals("Your account is locked")))
        .hasSize(1);

    await().atMost(Duration.ofSeconds(10)).until(() -> login(email, PASSWORD, newAddress()).status() == 200);
    // A successful login starts the run anew: the next lockout is short again.
    fail(email, 3);
    assertThat(Long.parseLong(login(email, PASSWORD, newAddress()).header("Retry-After"))).isBetween(1L, 3L);
  }

  @Test
  void anAdministratorsLockHoldsUntilUnlockedEvenOverALockoutAndEndsTheOwnersLogins() {
    String email = Emails.unique("suspended");
    var member = api.registerVerifiedMember(email, PASSWORD);
    JsonNode owner = login(email, PASSWORD, newAddress()).json();
    fail(email, 3);
    String admin = api.loginAsAdmin();

    assertThat(api.post("/users/" + member.id() + "/lock", admin).status()).isEqualTo(200);

    assertThat(api.get("/users/me", owner.get("access_token").asString()).status()).isEqualTo(401);
    assertThat(api.postForm("/token/refresh", Map.of("refresh_token", owner.get("refresh_token").asString()))
        .status()).isEqualTo(401);
    var locked = login(email, PASSWORD, newAddress());
    assertThat(locked.status()).isEqualTo(400);
    assertThat(locked.header("Retry-After")).isNull();
    assertThat(locked.json().get("detail").asString()).contains("Ask an administrator");
    // Long after the lockout would have ended, the administrator's lock holds.
    await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
        .until(() -> login(email, PASSWORD, newAddress()).status() == 400);
    assertThat(api.post("/users/" + member.id() + "/unlock", admin).status()).isEqualTo(200);
    assertThat(login(email, PASSWORD, newAddress()).status()).isEqualTo(200);
  }

  @Test
  void oneAddressThatKeepsFailingIsRefusedBeforeItCanLockManyAccounts() {
    String address = newAddress();
    String[] victims = new String[3];
    for (int i = 0; i < victims.length; i++) {
      victims[i] = Emails.unique("victim");
      api.registerVerifiedMember(victims[i], PASSWORD);
    }
    // Unknown emails can lock nothing and take nothing from the address's share.
    for (int guess = 0; guess < 8; guess++) {
      assertThat(login(Emails.unique("nobody"), "guess", address).status()).isEqualTo(401);
    }
    // Five failures are this address's share: two guesses at two accounts, one at the third.
    for (int guess = 0; guess < 5; guess++) {
      assertThat(login(victims[guess % 3], "guess " + guess, address).status()).isEqualTo(401);
    }

    var refused = login(victims[0], "guess 5", address);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isNotNull();
    // Not even a right password gets through from there, and no account was locked.
    assertThat(login(victims[1], PASSWORD, address).status()).isEqualTo(429);
    for (String victim : victims) {
      assertThat(login(victim, PASSWORD, newAddress()).status()).isEqualTo(200);
    }
    var audit = api.get("/audit-events/?action=login_failed&limit=50", api.loginAsAdmin()).json();
    assertThat(audit.get("items").valueStream().filter(item -> item.get("client_ip").asString().equals(address))
        .map(item -> item.get("details").get("reason").asString()))
        .containsOnly("unknown_account", "wrong_password", "too_many_failures_from_address");
  }

  @Test
  void guessesSentAtOnceFromOneAddressTakeNoMoreThanItsShare() throws Exception {
    String address = newAddress();
    String[] victims = new String[4];
    for (int i = 0; i < victims.length; i++) {
      victims[i] = Emails.unique("parallel");
      api.registerVerifiedMember(victims[i], PASSWORD);
    }
    var guesses = new java.util.ArrayList<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>>();
    for (int guess = 0; guess < 24; guess++) {
      guesses.add(api.http().sendAsync(api.request("/login/", null).header("X-Forwarded-For", address)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + Api.encode(victims[guess % 4])
              + "&password=guess" + guess)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()));
    }
    var statuses = new java.util.ArrayList<Integer>();
    for (var answer : guesses) {
      statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode());
    }

    // Five wrong passwords were checked at most; the others were refused before their hash.
    assertThat(statuses.stream().filter(status -> status == 401)).hasSizeLessThanOrEqualTo(5);
    assertThat(statuses).contains(429);
  }

  private void fail(String email, int times) {
    for (int attempt = 0; attempt < times; attempt++) {
      assertThat(login(email, "wrong " + attempt, newAddress()).status()).isEqualTo(401);
    }
  }

  private Api.Response login(String email, String password, String address) {
    return api.send(api.request("/login/", null).header("X-Forwarded-For", address)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + Api.encode(email) + "&password="
            + Api.encode(password))));
  }

  /** An address of this run's own: the share of failures is kept in the database and outlasts a run. */
  private static String newAddress() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    return "100." + random.nextInt(64, 128) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }
}
