package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ums.support.Api.body;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;
import org.ums.support.MessageBundles;

/** Administrators and managers change roles with a reason, under the role rules; the user is told why. */
@HttpTest
class RoleChangeHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @Autowired
  Api api;

  @Test
  void adminChangesARoleAndTheUserIsToldWhyInTheirLanguage() {
    String admin = api.loginAsAdmin();
    String email = Emails.unique("promoted");
    String id = create(admin, email, "AUTHENTICATED", "fr");

    var changed = api.putJson("/users/" + id + "/role", body("role", "MANAGER", "reason", "Runs the Lyon office"),
        admin);

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("role").asString()).isEqualTo("MANAGER");
    String subject = MessageBundles.load("messages_fr.properties").getProperty("mail.role_changed.subject");
    var notice = await().atMost(Duration.ofSeconds(20)).until(() -> MailInbox.messagesTo(email).stream()
        .filter(message -> message.subject().equals(subject)).findFirst(), Optional::isPresent).get();
    assertThat(notice.text()).contains("AUTHENTICATED", "MANAGER", "Runs the Lyon office",
        MessageBundles.load("messages_fr.properties").getProperty("mail.role_changed.reason"));
    assertThat(api.login(email, PASSWORD)).isNotBlank();
  }

  @Test
  void aRoleAndAReasonAreBothRequiredAndAnUnknownRoleIs422() {
    String admin = api.loginAsAdmin();
    String id = create(admin, Emails.unique("unchanged"), "AUTHENTICATED", "en");

    var empty = api.putJson("/users/" + id + "/role", "{}", admin);
    var unknown = api.putJson("/users/" + id + "/role", body("role", "SUPERUSER", "reason", "because"), admin);
    var tooLong = api.putJson("/users/" + id + "/role", body("role", "MANAGER", "reason", "x".repeat(501)), admin);

    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("role", "reason");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(api.get("/users/" + id, admin).json().get("role").asString()).isEqualTo("AUTHENTICATED");
  }

  @Test
  void managersMoveUsersOnlyBetweenAnonymousAndAuthenticated() {
    String admin = api.loginAsAdmin();
    String managerEmail = Emails.unique("manager");
    create(admin, managerEmail, "MANAGER", "en");
    String manager = api.login(managerEmail, PASSWORD);
    String id = create(admin, Emails.unique("managed"), "AUTHENTICATED", "en");
    String otherManager = create(admin, Emails.unique("peer"), "MANAGER", "en");

    assertThat(api.putJson("/users/" + id + "/role", body("role", "ANONYMOUS", "reason", "spam"), manager).status())
        .isEqualTo(200);
    assertThat(api.putJson("/users/" + id + "/role", body("role", "MANAGER", "reason", "help"), manager).status())
        .isEqualTo(403);
    assertThat(api.putJson("/users/" + otherManager + "/role", body("role", "AUTHENTICATED", "reason", "x"),
        manager).status()).isEqualTo(403);
  }

  @Test
  void nobodyChangesTheirOwnRoleAndTheLastAdministratorKeepsIt() {
    String admin = api.loginAsAdmin();
    String adminId = api.get("/users/me", admin).json().get("id").asString();

    var own = api.putJson("/users/" + adminId + "/role", body("role", "AUTHENTICATED", "reason", "tired"), admin);
    assertThat(own.status()).isIn(403, 409);

    var member = api.registerVerifiedMember(Emails.unique("member"), PASSWORD);
    assertThat(api.putJson("/users/" + adminId + "/role", body("role", "AUTHENTICATED", "reason", "coup"),
        member.token()).status()).isEqualTo(403);
    assertThat(api.putJson("/users/" + adminId + "/role", body("role", "AUTHENTICATED", "reason", "coup"), null)
        .status()).isEqualTo(401);
    assertThat(api.putJson("/users/" + UUID.randomUUID() + "/role", body("role", "AUTHENTICATED", "reason", "x"),
        admin).status()).isEqualTo(404);
    assertThat(api.get("/users/me", admin).json().get("role").asString()).isEqualTo("ADMIN");
  }

  @Test
  void theSameRoleAgainChangesNothingAndSendsNothing() {
    String admin = api.loginAsAdmin();
    String email = Emails.unique("same");
    String id = create(admin, email, "AUTHENTICATED", "en");

    var same = api.putJson("/users/" + id + "/role", body("role", "AUTHENTICATED", "reason", "no change"), admin);
    // A real change afterwards: once its email is there, an email of the first request would be there too.
    api.putJson("/users/" + id + "/role", body("role", "ANONYMOUS", "reason", "a real change"), admin);

    assertThat(same.status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> roleEmails(email) >= 1);
    assertThat(roleEmails(email)).isEqualTo(1);
    assertThat(MailInbox.messagesTo(email).stream().filter(m -> m.subject().equals("Your role has changed"))
        .findFirst().orElseThrow().text()).contains("a real change").doesNotContain("no change");
  }

  private static long roleEmails(String email) {
    return MailInbox.messagesTo(email).stream().filter(m -> m.subject().equals("Your role has changed")).count();
  }

  /** A verified user made by the administrator; returns the id. */
  private String create(String admin, String email, String role, String language) {
    var created = api.postJson("/users/", body("email", email, "password", PASSWORD, "role", role,
        "preferred_language", language), admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    api.get(MailInbox.awaitMessage(email).verificationPath());
    return created.json().get("id").asString();
  }
}
