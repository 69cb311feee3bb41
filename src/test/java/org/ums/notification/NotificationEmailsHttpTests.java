package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ums.support.Api.body;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.ums.account.UserId;
import org.ums.account.UserRegistered;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;
import org.ums.support.MailInbox.ReceivedEmail;
import tools.jackson.databind.JsonNode;

/** Each account event sends exactly one email to the right person, and the delivery log records it. */
@HttpTest
class NotificationEmailsHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  TransactionTemplate transactions;

  @Test
  void registrationSendsOneVerificationEmailWhoseLinkWorksAndIsLoggedAsSentWithoutTheToken() {
    String email = Emails.unique("newcomer");
    var registered = api.postJson("/register/", body("email", email, "password", PASSWORD));
    assertThat(registered.status()).isEqualTo(201);

    ReceivedEmail received = MailInbox.awaitMessage(email);
    assertThat(received.subject()).isEqualTo("Verify your email address");
    assertThat(received.html()).contains("href=\"http://ums.test" + received.verificationPath() + "\"");
    assertThat(api.get(received.verificationPath()).status()).isEqualTo(200);

    JsonNode delivery = onlyDelivery("email_verification", email);
    assertThat(delivery.get("status").asString()).isEqualTo("sent");
    assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
    assertThat(delivery.get("user_id").asString()).isEqualTo(registered.json().get("id").asString());
    assertThat(delivery.get("subject").asString()).isEqualTo("Verify your email address");
    assertThat(delivery.get("sent_at").isNull()).isFalse();
    String token = received.verificationPath().substring(received.verificationPath().lastIndexOf('/') + 1);
    assertThat(jdbc.sql("select count(*) from notification_deliveries where cast(notification_deliveries as text) "
        + "like '%' || :token || '%'").param("token", token).query(Long.class).single()).isZero();
    assertThat(MailInbox.messagesTo(email)).hasSize(1);
  }

  @Test
  void lockAndUnlockByAnAdministratorEachSendOneEmailToTheOwner() {
    String email = Emails.unique("locked");
    var member = api.registerVerifiedMember(email, PASSWORD);
    String admin = api.loginAsAdmin();

    assertThat(api.post("/users/" + member.id() + "/lock", admin).status()).isEqualTo(200);
    assertThat(MailInbox.awaitMessage(email, 2).subject()).isEqualTo("Your account is locked");
    assertThat(api.post("/users/" + member.id() + "/unlock", admin).status()).isEqualTo(200);
    ReceivedEmail unlocked = MailInbox.awaitMessage(email, 3);
    assertThat(unlocked.subject()).isEqualTo("Your account is unlocked");
    assertThat(unlocked.text()).contains("you can log in again");

    await().atMost(Duration.ofSeconds(10)).until(() -> status("account_unlocked", email).equals("sent"));
    assertThat(status("account_locked", email)).isEqualTo("sent");
    assertThat(MailInbox.messagesTo(email)).extracting(ReceivedEmail::subject).containsExactly(
        "Verify your email address", "Your account is locked", "Your account is unlocked");
  }

  @Test
  void roleChangeByAnAdministratorTellsTheUserTheOldAndTheNewRoleButVerificationDoesNot() {
    String email = Emails.unique("promoted");
    var member = api.registerVerifiedMember(email, PASSWORD);
    String admin = api.loginAsAdmin();

    assertThat(api.putJson("/users/" + member.id(), body("role", "MANAGER"), admin).status()).isEqualTo(200);

    ReceivedEmail changed = MailInbox.awaitMessage(email, 2);
    assertThat(changed.subject()).isEqualTo("Your role has changed");
    assertThat(changed.text()).contains("from AUTHENTICATED to MANAGER");
    await().atMost(Duration.ofSeconds(10)).until(() -> status("role_changed", email).equals("sent"));
    // Verification moved the user from ANONYMOUS to AUTHENTICATED: that is no news and sent nothing.
    assertThat(MailInbox.messagesTo(email)).extracting(ReceivedEmail::subject)
        .containsExactly("Verify your email address", "Your role has changed");
  }

  @Test
  void grantingAndRevokingProfessionalStatusEachSendOneEmailAndRepeatingAStatusSendsNone() {
    String email = Emails.unique("professional");
    var member = api.registerVerifiedMember(email, PASSWORD);
    String admin = api.loginAsAdmin();
    String path = "/users/" + member.id() + "/professional-status";

    var granted = api.putJson(path, body("is_professional", true), admin);
    assertThat(granted.status()).isEqualTo(200);
    assertThat(granted.json().get("is_professional").asBoolean()).isTrue();
    assertThat(MailInbox.awaitMessage(email, 2).subject()).isEqualTo("You now have professional status");
    assertThat(api.putJson(path, body("is_professional", true), admin).status()).isEqualTo(200);
    assertThat(api.putJson(path, body("is_professional", false), admin).status()).isEqualTo(200);
    assertThat(MailInbox.awaitMessage(email, 3).subject()).isEqualTo("Your professional status was removed");

    await().atMost(Duration.ofSeconds(10)).until(() -> status("professional_status_revoked", email).equals("sent"));
    assertThat(MailInbox.messagesTo(email)).extracting(ReceivedEmail::subject).containsExactly(
        "Verify your email address", "You now have professional status", "Your professional status was removed");
  }

  @Test
  void emailToAnAccountDeletedWhileItWaitedIsSkippedAndSaysWhy() {
    String email = Emails.unique("gone");
    String admin = api.loginAsAdmin();
    String[] userId = new String[1];
    MailInbox.outage(() -> {
      var registered = api.postJson("/register/", body("email", email, "password", PASSWORD));
      assertThat(registered.status()).isEqualTo(201);
      userId[0] = registered.json().get("id").asString();
      await().atMost(Duration.ofSeconds(20)).until(() -> deliveries("email_verification", email).size() == 1);
      assertThat(api.delete("/users/" + userId[0], admin).status()).isEqualTo(204);
    });

    await().atMost(Duration.ofSeconds(20)).until(() -> status("email_verification", email).equals("skipped"));
    JsonNode skipped = onlyDelivery("email_verification", email);
    assertThat(skipped.get("last_error").asString()).isEqualTo("The account no longer exists");
    assertThat(MailInbox.messagesTo(email)).isEmpty();
  }

  @Test
  void redeliveredEventSendsNoSecondEmail() {
    String email = Emails.unique("redelivered");
    assertThat(api.postJson("/register/", body("email", email, "password", PASSWORD)).status()).isEqualTo(201);
    MailInbox.awaitMessage(email);
    await().atMost(Duration.ofSeconds(10)).until(() -> status("email_verification", email).equals("sent"));
    JsonNode delivery = onlyDelivery("email_verification", email);
    String userId = delivery.get("user_id").asString();
    UUID eventId = UUID.fromString(delivery.get("event_id").asString());

    // The same event again, as the registry delivers it after a crash between sending and completing.
    transactions.executeWithoutResult(status -> events.publishEvent(
        new UserRegistered(eventId, UserId.of(UUID.fromString(userId)), Instant.now())));
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from event_publication where "
        + "completion_date is null and serialized_event like '%' || :userId || '%'")
        .param("userId", userId).query(Long.class).single() == 0);

    assertThat(MailInbox.messagesTo(email)).hasSize(1);
    assertThat(deliveries("email_verification", email)).hasSize(1);
  }

  private String status(String kind, String email) {
    List<JsonNode> found = deliveries(kind, email);
    return found.isEmpty() ? "none" : found.get(0).get("status").asString();
  }

  private JsonNode onlyDelivery(String kind, String email) {
    List<JsonNode> found = deliveries(kind, email);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private List<JsonNode> deliveries(String kind, String email) {
    var response = api.get("/notifications/?kind=" + kind + "&recipient=" + Api.encode(email), api.loginAsAdmin());
    assertThat(response.status()).isEqualTo(200);
    return response.json().get("items").valueStream().toList();
  }
}
