package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;

/**
 * A flood of password checks cannot take every request thread: past the hashing queue (here 4) a check is refused
 * at once with 503 and Retry-After, and wrong current passwords count as failed logins.
 */
@HttpTest
@TestPropertySource(properties = "ums.account.password-hashing-queue=4")
class PasswordHashingFloodHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @Autowired
  Api api;

  @Test
  void aFloodOfPasswordChecksIsRefusedPastTheQueueWhileOtherRequestsAreAnswered() throws Exception {
    var member = api.registerVerifiedMember(Emails.unique("bystander"), PASSWORD);
    var flood = new ArrayList<CompletableFuture<HttpResponse<String>>>();
    for (int request = 0; request < 120; request++) {
      // Unknown accounts: each costs a hash, as a wrong password would, and locks nothing.
      flood.add(api.http().sendAsync(api.request("/login/", null)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + Api.encode(Emails.unique("nobody"))
              + "&password=wrong+password")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    // Meanwhile a request that needs no hash is answered.
    var me = api.http().sendAsync(api.request("/users/me", member.token()).GET().build(),
        HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
    assertThat(me.statusCode()).isEqualTo(200);

    List<HttpResponse<String>> answers = new ArrayList<>();
    for (var answer : flood) {
      answers.add(answer.get(60, TimeUnit.SECONDS));
    }
    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(401, 503);
    var busy = answers.stream().filter(answer -> answer.statusCode() == 503).toList();
    assertThat(busy).isNotEmpty();
    assertThat(busy.get(0).headers().firstValue("Retry-After")).hasValue("1");
    assertThat(busy.get(0).headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(busy.get(0).body()).contains("checking many passwords at once");
  }

  @Test
  void loginsRefusedForAFullQueueAreNotCountedAgainstTheirAccount() throws Exception {
    String email = Emails.unique("busy-owner");
    api.registerVerifiedMember(email, PASSWORD);
    var flood = new ArrayList<CompletableFuture<HttpResponse<String>>>();
    for (int request = 0; request < 200; request++) {
      flood.add(api.http().sendAsync(api.request("/login/", null)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + Api.encode(Emails.unique("nobody"))
              + "&password=wrong")).build(), HttpResponse.BodyHandlers.ofString()));
    }
    // The owner tries while the queue is full: each refusal for want of a hashing thread must not count.
    var owner = new ArrayList<Integer>();
    for (int attempt = 0; attempt < 8; attempt++) {
      owner.add(api.postForm("/login/", java.util.Map.of("username", email, "password", PASSWORD)).status());
    }
    for (var answer : flood) {
      answer.get(60, TimeUnit.SECONDS);
    }

    assertThat(owner).contains(503).doesNotContain(400);
    assertThat(api.postForm("/login/", java.util.Map.of("username", email, "password", PASSWORD)).status())
        .isEqualTo(200);
  }

  @Test
  void wrongCurrentPasswordsCountAsFailedLoginsAndLockTheAccountForAWhile() {
    String email = Emails.unique("changer");
    var member = api.registerVerifiedMember(email, PASSWORD);

    var answers = new ArrayList<Integer>();
    for (int attempt = 0; attempt < 3; attempt++) {
      answers.add(api.postJson("/users/me/password", body("current_password", "wrong " + attempt,
          "new_password", "another long secret"), member.token()).status());
    }
    var locked = api.postJson("/users/me/email", body("password", PASSWORD, "new_email", Emails.unique("x")),
        member.token());

    assertThat(answers).containsOnly(422);
    assertThat(locked.status()).isEqualTo(400);
    assertThat(locked.header("Retry-After")).isNotNull();
    assertThat(api.postForm("/login/", java.util.Map.of("username", email, "password", PASSWORD)).status())
        .isEqualTo(400);
    // The owner's login goes on.
    assertThat(api.get("/users/me", member.token()).status()).isEqualTo(200);
  }

  @Test
  void aRightCurrentPasswordForgetsEarlierWrongOnes() {
    String email = Emails.unique("careful");
    var member = api.registerVerifiedMember(email, PASSWORD);
    for (int attempt = 0; attempt < 2; attempt++) {
      api.postJson("/users/me/email", body("password", "wrong", "new_email", Emails.unique("y")), member.token());
    }
    assertThat(api.postJson("/users/me/email", body("password", PASSWORD, "new_email", Emails.unique("z")),
        member.token()).status()).isEqualTo(202);

    assertThat(api.postJson("/users/me/email", body("password", "wrong", "new_email", Emails.unique("w")),
        member.token()).status()).isEqualTo(422);
    assertThat(api.postForm("/login/", java.util.Map.of("username", email, "password", PASSWORD)).status())
        .isEqualTo(200);
  }
}
