package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;

/** A new email: asked with the password, in force once the link sent to it is followed; the old address is told. */
@HttpTest
class EmailChangeHttpTests {

  private static final String PASSWORD = "a long enough secret";
  private static final Pattern LINK = Pattern.compile("http://ums\\.test(/email-change/confirm\\?token=[A-Za-z0-9_-]+)");

  @Autowired
  Api api;

  @Test
  void theNewAddressIsInForceOnlyOnceItsLinkIsFollowedAndThenTheOldOneIsTold() {
    String old = Emails.unique("mover");
    String fresh = Emails.unique("moved");
    var member = api.registerVerifiedMember(old, PASSWORD);

    var asked = api.postJson("/users/me/email", body("password", PASSWORD, "new_email", fresh), member.token());

    assertThat(asked.status()).isEqualTo(202);
    assertThat(asked.json().get("message").asString()).contains("current email stays in force");
    var email = MailInbox.awaitMessage(fresh);
    assertThat(email.subject()).isEqualTo("Confirm your new email address");
    // Until the link is followed nothing changes.
    assertThat(api.get("/users/me", member.token()).json().get("email").asString()).isEqualTo(old);
    assertThat(api.login(old, PASSWORD)).isNotBlank();
    assertThat(api.postForm("/login/", Map.of("username", fresh, "password", PASSWORD)).status()).isEqualTo(401);

    var matcher = LINK.matcher(email.text());
    assertThat(matcher.find()).isTrue();
    var confirmed = api.get(matcher.group(1));
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.json().get("message").asString()).contains("log in with the new address");

    assertThat(api.get("/users/me", member.token()).json().get("email").asString()).isEqualTo(fresh);
    assertThat(api.login(fresh, PASSWORD)).isNotBlank();
    assertThat(api.postForm("/login/", Map.of("username", old, "password", PASSWORD)).status()).isEqualTo(401);
    var notice = MailInbox.awaitMessage(old, 2);
    assertThat(notice.subject()).isEqualTo("Your email address was changed");
    assertThat(notice.text()).contains(fresh);
    var audit = api.get("/audit-events/?action=user_updated&target=" + member.id(), api.loginAsAdmin()).json();
    assertThat(audit.get("items").get(0).get("details").toString()).contains("email");

    var reused = api.get(matcher.group(1));
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.json().get("detail").asString()).contains("invalid, already used or expired");
  }

  @Test
  void aSecondRequestReplacesTheFirstWhoseLinkStopsWorking() {
    String old = Emails.unique("hesitant");
    String first = Emails.unique("first-choice");
    String second = Emails.unique("second-choice");
    var member = api.registerVerifiedMember(old, PASSWORD);
    api.postJson("/users/me/email", body("password", PASSWORD, "new_email", first), member.token());
    var firstLink = LINK.matcher(MailInbox.awaitMessage(first).text());
    assertThat(firstLink.find()).isTrue();
    api.postJson("/users/me/email", body("password", PASSWORD, "new_email", second), member.token());
    var secondLink = LINK.matcher(MailInbox.awaitMessage(second).text());
    assertThat(secondLink.find()).isTrue();

    assertThat(api.get(firstLink.group(1)).status()).isEqualTo(400);
    assertThat(api.get(secondLink.group(1)).status()).isEqualTo(200);
    assertThat(api.get("/users/me", member.token()).json().get("email").asString()).isEqualTo(second);
  }

  @Test
  void wrongPasswordsBadAddressesTakenAddressesAndBadLinksAreRefused() {
    String mine = Emails.unique("careful");
    String taken = Emails.unique("taken");
    var member = api.registerVerifiedMember(mine, PASSWORD);
    api.registerVerifiedMember(taken, PASSWORD);

    var wrongPassword = api.postJson("/users/me/email", body("password", "not my password", "new_email",
        Emails.unique("elsewhere")), member.token());
    var malformed = api.postJson("/users/me/email", body("password", PASSWORD, "new_email", "not an email"),
        member.token());
    var unchanged = api.postJson("/users/me/email", body("password", PASSWORD, "new_email", mine.toUpperCase()),
        member.token());
    var takenAddress = api.postJson("/users/me/email", body("password", PASSWORD, "new_email", taken),
        member.token());
    var anonymous = api.postJson("/users/me/email", body("password", PASSWORD, "new_email", Emails.unique("x")));
    var guessed = api.get("/email-change/confirm?token=" + "A".repeat(43));
    var missing = api.get("/email-change/confirm");
    var german = api.send(api.request("/email-change/confirm?token=nope", null).header("Accept-Language", "de").GET());

    assertThat(wrongPassword.status()).isEqualTo(422);
    assertThat(wrongPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    assertThat(malformed.status()).isEqualTo(422);
    assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("new_email");
    assertThat(unchanged.status()).isEqualTo(422);
    assertThat(unchanged.json().get("errors").get(0).get("message").asString()).isEqualTo("This is already your email.");
    assertThat(takenAddress.status()).isEqualTo(409);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(guessed.status()).isEqualTo(400);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(guessed.json().get("detail").asString()).isEqualTo(missing.json().get("detail").asString());
    assertThat(german.status()).isEqualTo(400);
    assertThat(german.json().get("detail").asString()).contains("Link");
    assertThat(api.get("/users/me", member.token()).json().get("email").asString()).isEqualTo(mine);
    assertThat(MailInbox.messagesTo(taken)).hasSize(1);
  }
}
