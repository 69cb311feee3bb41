package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;

/** A forgotten password: ask for a link, read the email, choose a new password, log in with it. */
@HttpTest
class PasswordResetHttpTests {

  private static final String PASSWORD = "a long enough secret";
  private static final String NEW_PASSWORD = "another long secret";

  @Autowired
  Api api;
  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void aForgottenPasswordIsReplacedThroughTheEmailedLinkOnce() {
    String email = Emails.unique("forgetful");
    api.registerVerifiedMember(email, PASSWORD);

    var requested = api.postJson("/password-reset/request", body("email", email));

    assertThat(requested.status()).isEqualTo(202);
    var reset = MailInbox.awaitMessage(email, 2);
    assertThat(reset.subject()).isEqualTo("Choose a new password");
    assertThat(reset.html()).contains("href=\"http://ums.test/password-reset?token=");
    String token = token(reset.text());
    var weak = api.postJson("/password-reset/confirm", body("token", token, "password", "short"));
    assertThat(weak.status()).isEqualTo(422);
    assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    var confirmed = api.postJson("/password-reset/confirm", body("token", token, "password", NEW_PASSWORD));
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.json().get("message").asString()).isEqualTo("Your password is saved. You can now log in.");
    assertThat(api.login(email, NEW_PASSWORD)).isNotBlank();
    assertThat(api.postForm("/login/", Map.of("username", email, "password", PASSWORD)).status()).isEqualTo(401);

    var reused = api.postJson("/password-reset/confirm", body("token", token, "password", "yet another secret"));
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    assertThat(reused.json().get("detail").asString()).contains("invalid, already used or expired");
  }

  @Test
  void aResetEndsALockoutAfterFailedLoginsButNotALockSetByAnAdministrator() {
    String lockedOut = Emails.unique("lockedout");
    String lockedByAdmin = Emails.unique("lockedbyadmin");
    api.registerVerifiedMember(lockedOut, PASSWORD);
    var member = api.registerVerifiedMember(lockedByAdmin, PASSWORD);
    for (int i = 0; i < 3; i++) {
      api.postForm("/login/", Map.of("username", lockedOut, "password", "wrong password " + i));
    }
    assertThat(api.post("/users/" + member.id() + "/lock", api.loginAsAdmin()).status()).isEqualTo(200);

    for (String email : new String[] {lockedOut, lockedByAdmin}) {
      api.postJson("/password-reset/request", body("email", email));
      String text = org.awaitility.Awaitility.await().until(() -> MailInbox.messagesTo(email).stream()
          .map(MailInbox.ReceivedEmail::text).filter(t -> t.contains("/password-reset?token=")).findFirst()
          .orElse(null), java.util.Objects::nonNull);
      assertThat(api.postJson("/password-reset/confirm", body("token", token(text), "password", NEW_PASSWORD))
          .status()).isEqualTo(200);
    }

    assertThat(api.login(lockedOut, NEW_PASSWORD)).isNotBlank();
    assertThat(api.postForm("/login/", Map.of("username", lockedByAdmin, "password", NEW_PASSWORD)).status())
        .as("still locked").isEqualTo(400);
  }

  @Test
  void expiredTokensAndTokensMadeForAnotherPurposeAreRefusedInTheSameSentence() {
    String email = Emails.unique("late");
    api.registerVerifiedMember(email, PASSWORD);
    api.postJson("/password-reset/request", body("email", email));
    String expired = token(MailInbox.awaitMessage(email, 2).text());
    jdbc.sql("update password_reset_tokens set expires_at = now() - interval '1 second' where user_id = "
        + "(select id from users where email = :email)").param("email", email).update();
    String other = Emails.unique("unverified");
    api.postJson("/register/", body("email", other, "password", PASSWORD));
    String verification = MailInbox.awaitMessage(other, 1).text()
        .replaceAll("(?s).*[?&]token=([A-Za-z0-9_-]+).*", "$1");

    var late = api.postJson("/password-reset/confirm", body("token", expired, "password", NEW_PASSWORD));
    var wrongKind = api.postJson("/password-reset/confirm", body("token", verification, "password", NEW_PASSWORD));
    var guessed = api.postJson("/password-reset/confirm", body("token", "B".repeat(43), "password", NEW_PASSWORD));

    assertThat(late.status()).isEqualTo(400);
    assertThat(wrongKind.status()).isEqualTo(400);
    assertThat(late.json().get("detail").asString()).isEqualTo(guessed.json().get("detail").asString())
        .isEqualTo(wrongKind.json().get("detail").asString());
    assertThat(api.postForm("/login/", Map.of("username", email, "password", NEW_PASSWORD)).status()).isEqualTo(401);
    assertThat(api.login(email, PASSWORD)).isNotBlank();
  }

  @Test
  void unknownEmailsAndBadTokensGiveNothingAway() {
    String stranger = Emails.unique("stranger");

    var unknown = api.postJson("/password-reset/request", body("email", stranger));
    var malformed = api.postJson("/password-reset/request", body("email", "not an email"));
    var guessed = api.postJson("/password-reset/confirm", body("token", "A".repeat(43), "password", NEW_PASSWORD));
    var huge = api.postJson("/password-reset/confirm", body("token", "A".repeat(10_000), "password", NEW_PASSWORD));
    var missing = api.postJson("/password-reset/confirm", body("password", NEW_PASSWORD));
    var german = api.send(api.request("/password-reset/confirm", null).header("Accept-Language", "de")
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"token\": \"nope\", \"password\": \"" + NEW_PASSWORD + "\"}")));

    assertThat(unknown.status()).isEqualTo(202);
    assertThat(malformed.status()).isEqualTo(202);
    assertThat(unknown.body()).isEqualTo(malformed.body());
    assertThat(guessed.status()).isEqualTo(400);
    assertThat(huge.status()).isEqualTo(400);
    assertThat(guessed.json().get("detail").asString()).isEqualTo(huge.json().get("detail").asString());
    assertThat(missing.status()).isEqualTo(422);
    assertThat(german.status()).isEqualTo(400);
    assertThat(german.json().get("detail").asString()).contains("Link");
    assertThat(MailInbox.messagesTo(stranger)).isEmpty();
  }

  @Test
  void thePageShowsTheFormInTheReadersLanguage() {
    var page = api.send(api.request("/password-reset?token=abc", null).header("Accept-Language", "fr").GET());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("lang=\"fr\"").contains("Choisissez un mot de passe")
        .contains("value=\"abc\"").contains("type=\"password\"");
    var refused = api.postForm("/password-reset", Map.of("token", "abc", "password", NEW_PASSWORD));
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("This link is invalid, already used or expired");
  }

  private static String token(String text) {
    Matcher matcher = Pattern.compile("/password-reset\\?token=([A-Za-z0-9_-]+)").matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }
}
