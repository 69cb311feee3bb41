package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;

@HttpTest
class RegistrationHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @Autowired
  JdbcClient jdbc;
  @Autowired
  Api api;


  @Test
  void registersReceivesEmailClicksLinkLogsInAndReadsOwnAccount() {
    String email = Emails.unique("ada");
    var registered = api.postJson("/register/", body("email", email, "password", PASSWORD,
        "first_name", "Ada", "last_name", "Lovelace", "github_profile_url", "https://github.com/ada"));
    assertThat(registered.status()).isEqualTo(201);
    var user = registered.json();
    assertThat(user.get("role").asString()).isEqualTo("ANONYMOUS");
    assertThat(user.get("email_verified").asBoolean()).isFalse();
    assertThat(user.get("first_name").asString()).isEqualTo("Ada");
    assertThat(user.has("hashed_password")).isFalse();
    assertThat(registered.body()).doesNotContain("argon2").doesNotContain(PASSWORD);

    var email1 = MailInbox.awaitMessage(email);
    assertThat(email1.subject()).isEqualTo("Verify your email address");
    assertThat(email1.text()).contains("Hello Ada,");
    assertThat(email1.html()).contains("Verify my email").contains("href=\"http://ums.test/verify-email/");
    var verified = api.get(email1.verificationPath());
    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.json().get("message").asString()).isNotBlank();

    String token = api.login(email, PASSWORD);
    var me = api.get("/users/me", token);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("email").asString()).isEqualTo(email);
    assertThat(me.json().get("role").asString()).isEqualTo("AUTHENTICATED");
    assertThat(me.json().get("email_verified").asBoolean()).isTrue();
    assertThat(me.json().get("last_login_at").isNull()).isFalse();
  }

  @Test
  void registrationIgnoresRoleInBodyAndGeneratesNickname() {
    var registered = api.postJson("/register", body("email", Emails.unique("mallory"), "password", PASSWORD,
        "role", "ADMIN"));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.json().get("role").asString()).isEqualTo("ANONYMOUS");
    assertThat(registered.json().get("nickname").asString()).matches("[a-z]+_[a-z]+_\\d{1,3}");
  }

  @Test
  void rejectsDuplicateEmailWithoutRegardToCase() {
    String email = Emails.unique("dup");
    assertThat(api.postJson("/register/", body("email", email, "password", PASSWORD)).status()).isEqualTo(201);
    var again = api.postJson("/register/", body("email", email.toUpperCase(), "password", PASSWORD));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.json().get("detail").asString()).contains("already exists");
  }

  @Test
  void rejectsTakenNicknameWithoutRegardToCase() {
    String nickname = "nick_" + System.nanoTime();
    assertThat(api.postJson("/register/", body("email", Emails.unique("n1"), "password", PASSWORD,
        "nickname", nickname)).status()).isEqualTo(201);
    var taken = api.postJson("/register/", body("email", Emails.unique("n2"), "password", PASSWORD,
        "nickname", nickname.toUpperCase()));
    assertThat(taken.status()).isEqualTo(409);
  }

  @Test
  void rejectsInvalidFieldsWith422NamingEachField() {
    var response = api.postJson("/register/", body("email", "not-an-email", "password", "short",
        "nickname", "a b", "linkedin_profile_url", "javascript:alert(1)", "bio", "x".repeat(501)));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.contentType()).startsWith("application/problem+json");
    var fields = response.json().get("errors").findValuesAsString("field");
    assertThat(fields).containsExactlyInAnyOrder("email", "password", "nickname", "linkedin_profile_url", "bio");
  }

  @Test
  void rejectsCommonPassword() {
    var response = api.postJson("/register/", body("email", Emails.unique("weak"), "password", "password123"));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").get(0).get("code").asString()).isEqualTo("CommonPassword");
  }

  @Test
  void rejectsMissingEmailAndPassword() {
    var response = api.postJson("/register/", "{}");
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").findValuesAsString("field")).contains("email", "password");
  }

  @Test
  void malformedJsonIs400WithoutStackTrace() {
    var response = api.postJson("/register/", "{\"email\": ");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void controlCharactersAre422NotServerErrors() {
    var response = api.postJson("/register/", body("email", Emails.unique("nul"), "password", PASSWORD,
        "first_name", "Ada\u0000"));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("first_name");
    assertThat(api.postJson("/register/", body("email", "a\u0000@example.com", "password", PASSWORD)).status())
        .isEqualTo(422);
    assertThat(api.postJson("/verify-email/resend", body("email", "a\u0000@example.com")).status()).isEqualTo(202);
  }

  @Test
  void resendAnswers202EvenForMalformedEmail() {
    assertThat(api.postJson("/verify-email/resend", body("email", "not-an-email")).status()).isEqualTo(202);
    assertThat(api.postJson("/verify-email/resend", "{}").status()).isEqualTo(202);
  }

  @Test
  void blankOptionalFieldsAreStoredAsAbsent() {
    var response = api.postJson("/register/", body("email", Emails.unique("blank"), "password", PASSWORD,
        "profile_picture_url", "  ", "bio", ""));
    assertThat(response.status()).isEqualTo(201);
    // No picture stored: the answer shows the initials picture instead of a blank URL.
    assertThat(response.json().get("profile_picture_url").asString()).contains("/pictures/initials/");
    assertThat(response.json().get("bio").isNull()).isTrue();
  }

  @Test
  void wrongJsonTypeIs422NamingTheField() {
    var response = api.postJson("/register/", "{\"email\": {\"nested\": true}, \"password\": \"" + PASSWORD + "\"}");
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("email");
  }

  @Test
  void verificationTokenExistsInClearOnlyInTheEmail() {
    String email = Emails.unique("secret");
    String userId = api.postJson("/register/", body("email", email, "password", PASSWORD)).json().get("id").asString();
    String token = MailInbox.awaitMessage(email).verificationPath().replaceAll(".*/", "");
    assertThat(token.length()).isGreaterThanOrEqualTo(22); // 128 bits or more in base64url
    assertThat(jdbc.sql("select count(*) from email_verification_tokens where user_id = :id and token_hash = :hash")
        .param("id", java.util.UUID.fromString(userId)).param("hash", SecretTokens.hash(token))
        .query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :token")
        .param("token", "%" + token + "%").query(Long.class).single()).isZero();
  }

  @Test
  void usedOrWrongVerificationLinkIs400() {
    String email = Emails.unique("twice");
    api.postJson("/register/", body("email", email, "password", PASSWORD));
    String path = MailInbox.awaitMessage(email).verificationPath();
    assertThat(api.get(path).status()).isEqualTo(200);
    assertThat(api.get(path).status()).isEqualTo(400);

    String otherEmail = Emails.unique("wrong");
    var other = api.postJson("/register/", body("email", otherEmail, "password", PASSWORD)).json();
    var wrong = api.get("/verify-email/" + other.get("id").asString() + "/not-the-token");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("detail").asString()).isNotBlank();
    // Someone else's valid token does not verify this account.
    String othersToken = MailInbox.awaitMessage(otherEmail).verificationPath().replaceAll(".*/", "");
    String thirdId = api.postJson("/register/", body("email", Emails.unique("third"), "password", PASSWORD))
        .json().get("id").asString();
    assertThat(api.get("/verify-email/" + thirdId + "/" + othersToken).status()).isEqualTo(400);
  }

  @Test
  void resendAnswers202AlwaysAndSendsNewLinkOnlyToUnverifiedAccounts() {
    String email = Emails.unique("resend");
    api.postJson("/register/", body("email", email, "password", PASSWORD));
    MailInbox.awaitMessage(email, 1);

    var resent = api.postJson("/verify-email/resend", body("email", email));
    assertThat(resent.status()).isEqualTo(202);
    var second = MailInbox.awaitMessage(email, 2);
    assertThat(api.get(second.verificationPath()).status()).isEqualTo(200);

    assertThat(api.postJson("/verify-email/resend/", body("email", Emails.unique("nobody"))).status())
        .isEqualTo(202);
    assertThat(api.postJson("/verify-email/resend", body("email", email)).status()).isEqualTo(202);
    // The verified account gets no third email.
    String marker = Emails.unique("marker");
    api.postJson("/register/", body("email", marker, "password", PASSWORD));
    MailInbox.awaitMessage(marker);
    assertThat(MailInbox.messagesTo(email)).hasSize(2);
  }
}
