package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;

/**
 * Links an account has out (a pending change of email, reset links) die when the account is recovered or taken in
 * hand: a password reset or change, logging out everywhere, a lock by an administrator, a new email. Someone who
 * once knew the password cannot wait for the owner to recover the account and then take it.
 */
@HttpTest
class PendingLinksHttpTests {

  private static final String PASSWORD = "a long enough secret";
  private static final String NEW_PASSWORD = "another long secret";
  private static final Pattern CHANGE_LINK = Pattern.compile("(/email-change/confirm\\?token=[A-Za-z0-9_-]+)");
  private static final Pattern RESET_TOKEN = Pattern.compile("/password-reset\\?token=([A-Za-z0-9_-]+)");

  @Autowired
  Api api;

  record Account(String email, String id, String token) {
  }

  @Test
  void aPasswordResetCancelsAChangeOfEmailFiledByWhoeverKnewThePassword() {
    assertTheStolenChangeDiesWhen(owner -> {
      api.postJson("/password-reset/request", body("email", owner.email()));
      String token = lastToken(owner.email(), RESET_TOKEN);
      assertThat(api.postJson("/password-reset/confirm", body("token", token, "password", NEW_PASSWORD)).status())
          .isEqualTo(200);
    });
  }

  @Test
  void aPasswordChangeCancelsAPendingChangeOfEmail() {
    assertTheStolenChangeDiesWhen(owner -> assertThat(api.postJson("/users/me/password",
        body("current_password", PASSWORD, "new_password", NEW_PASSWORD), owner.token()).status()).isEqualTo(204));
  }

  @Test
  void loggingOutEverywhereCancelsAPendingChangeOfEmail() {
    assertTheStolenChangeDiesWhen(owner -> assertThat(api.post("/users/me/sessions/revoke-all", owner.token())
        .status()).isEqualTo(204));
  }

  @Test
  void aLockByAnAdministratorCancelsAPendingChangeOfEmail() {
    assertTheStolenChangeDiesWhen(owner -> assertThat(api.post("/users/" + owner.id() + "/lock",
        api.loginAsAdmin()).status()).isEqualTo(200));
  }

  @Test
  void resetLinksDieWhenThePasswordOrTheEmailChanges() {
    var owner = member("reset-links");
    api.postJson("/password-reset/request", body("email", owner.email()));
    String beforeChange = lastToken(owner.email(), RESET_TOKEN);
    assertThat(api.postJson("/users/me/password", body("current_password", PASSWORD, "new_password", NEW_PASSWORD),
        owner.token()).status()).isEqualTo(204);
    assertThat(confirmReset(beforeChange)).isEqualTo(400);

    api.postJson("/password-reset/request", body("email", owner.email()));
    String beforeMove = lastToken(owner.email(), RESET_TOKEN);
    String moved = Emails.unique("moved");
    assertThat(api.postJson("/users/me/email", body("password", NEW_PASSWORD, "new_email", moved),
        api.login(owner.email(), NEW_PASSWORD)).status()).isEqualTo(202);
    assertThat(api.get(lastToken(moved, CHANGE_LINK)).status()).isEqualTo(200);

    assertThat(confirmReset(beforeMove)).isEqualTo(400);
  }

  @Test
  void anEmailChangedByStaffIsUnverifiedTheOldAddressIsToldAndPendingLinksDie() {
    var owner = member("managed");
    String attacker = Emails.unique("pending");
    api.postJson("/users/me/email", body("password", PASSWORD, "new_email", attacker), owner.token());
    String pendingChange = lastToken(attacker, CHANGE_LINK);
    api.postJson("/password-reset/request", body("email", owner.email()));
    String resetToOldAddress = lastToken(owner.email(), RESET_TOKEN);
    String manager = manager();
    String newAddress = Emails.unique("given-by-staff");

    var changed = api.putJson("/users/" + owner.id(), body("email", newAddress), manager);

    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().get("email").asString()).isEqualTo(newAddress);
    assertThat(changed.json().get("email_verified").asBoolean()).isFalse();
    var notice = MailInbox.awaitMessage(owner.email(), MailInbox.messagesTo(owner.email()).size() + 1);
    assertThat(notice.subject()).isEqualTo("Your email address was changed");
    assertThat(notice.text()).contains(newAddress);
    assertThat(MailInbox.awaitMessage(newAddress).verificationPath()).startsWith("/verify-email/" + owner.id());
    assertThat(api.get(pendingChange).status()).isEqualTo(400);
    assertThat(confirmReset(resetToOldAddress)).isEqualTo(400);
    // Until the new address is verified, nobody logs in with it.
    assertThat(api.postForm("/login/", java.util.Map.of("username", newAddress, "password", PASSWORD)).status())
        .isEqualTo(403);
  }

  private void assertTheStolenChangeDiesWhen(Consumer<Account> recovery) {
    var owner = member("owner");
    String attacker = Emails.unique("attacker");
    assertThat(api.postJson("/users/me/email", body("password", PASSWORD, "new_email", attacker), owner.token())
        .status()).isEqualTo(202);
    String link = lastToken(attacker, CHANGE_LINK);

    recovery.accept(owner);

    var taken = api.get(link);
    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.json().get("detail").asString()).contains("invalid, already used or expired");
    String admin = api.loginAsAdmin();
    assertThat(api.get("/users/" + owner.id(), admin).json().get("email").asString()).isEqualTo(owner.email());
  }

  private Account member(String name) {
    String email = Emails.unique(name);
    var member = api.registerVerifiedMember(email, PASSWORD);
    return new Account(email, member.id(), member.token());
  }

  private String manager() {
    String email = Emails.unique("manager");
    var manager = api.registerVerifiedMember(email, PASSWORD);
    api.putJson("/users/" + manager.id() + "/role", body("role", "MANAGER", "reason", "Desk"), api.loginAsAdmin());
    return api.login(email, PASSWORD);
  }

  private int confirmReset(String token) {
    return api.postJson("/password-reset/confirm", body("token", token, "password", "yet another long one")).status();
  }

  /** The link or token of the newest email to {@code address} that has one. */
  private static String lastToken(String address, Pattern pattern) {
    org.awaitility.Awaitility.await().until(() -> MailInbox.messagesTo(address).stream()
        .anyMatch(email -> pattern.matcher(email.text()).find()));
    var emails = MailInbox.messagesTo(address);
    for (int i = emails.size() - 1; i >= 0; i--) {
      Matcher matcher = pattern.matcher(emails.get(i).text());
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    throw new AssertionError("No link for " + address);
  }
}
