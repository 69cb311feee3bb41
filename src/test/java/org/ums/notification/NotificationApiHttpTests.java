package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;

/** Who may read the delivery log, and how bad queries are answered. */
@HttpTest
class NotificationApiHttpTests {

  @Autowired
  Api api;

  @Test
  void listDeliveriesWhenAnonymousThen401AndWhenMemberOrManagerThen403() {
    assertThat(api.get("/notifications/").status()).isEqualTo(401);
    var member = api.registerVerifiedMember(Emails.unique("curious"), "a long enough secret");
    assertThat(api.get("/notifications/", member.token()).status()).isEqualTo(403);
    assertThat(api.post("/notifications/" + UUID.randomUUID() + "/retry", member.token()).status())
        .isEqualTo(403);

    String managerEmail = Emails.unique("manager");
    var manager = api.registerVerifiedMember(managerEmail, "a long enough secret");
    String admin = api.loginAsAdmin();
    assertThat(api.putJson("/users/" + manager.id(), body("role", "MANAGER"), admin).status()).isEqualTo(200);
    String managerToken = api.login(managerEmail, "a long enough secret");
    var refused = api.get("/notifications/", managerToken);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
  }

  @Test
  void unknownFilterValuesAndBadPagingAre422NamingTheParameter() {
    String admin = api.loginAsAdmin();
    var status = api.get("/notifications/?status=lost", admin);
    assertThat(status.status()).isEqualTo(422);
    assertThat(status.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
    assertThat(status.json().get("errors").get(0).get("message").asString())
        .contains("queued, sent, failed, skipped");
    var kind = api.get("/notifications/?kind=spam", admin);
    assertThat(kind.status()).isEqualTo(422);
    assertThat(kind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
    assertThat(api.get("/notifications/?limit=0", admin).status()).isEqualTo(422);
    assertThat(api.get("/notifications/?limit=101", admin).status()).isEqualTo(422);
    assertThat(api.get("/notifications/?skip=-1", admin).status()).isEqualTo(422);
  }

  @Test
  void pagesKeepTheirFiltersAndUnknownDeliveriesAre404() {
    String admin = api.loginAsAdmin();
    String email = Emails.unique("paged");
    var member = api.registerVerifiedMember(email, "a long enough secret");
    api.post("/users/" + member.id() + "/lock", admin);
    MailInbox.awaitMessage(email, 2);

    var page = api.get("/notifications/?status=SENT&recipient=" + Api.encode(email) + "&limit=1", admin);
    assertThat(page.status()).isEqualTo(200);
    org.awaitility.Awaitility.await().until(() -> api.get("/notifications/?status=sent&recipient="
        + Api.encode(email), admin).json().get("total").asLong() == 2);
    page = api.get("/notifications/?status=SENT&recipient=" + Api.encode(email) + "&limit=1", admin);
    assertThat(page.json().get("items")).hasSize(1);
    assertThat(page.json().get("items").get(0).get("kind").asString()).isEqualTo("account_locked");
    String next = page.json().get("links").valueStream()
        .filter(link -> link.get("rel").asString().equals("next")).findFirst().orElseThrow()
        .get("href").asString();
    assertThat(next).contains("status=SENT").contains("skip=1").contains("limit=1")
        .contains("recipient=" + email.replace("@", "%40"));
    var second = api.get(next.substring(next.indexOf("/notifications")), admin);
    assertThat(second.json().get("items").get(0).get("kind").asString()).isEqualTo("email_verification");

    assertThat(api.get("/notifications/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
    assertThat(api.get("/notifications/not-an-id", admin).status()).isEqualTo(404);
    assertThat(api.post("/notifications/" + UUID.randomUUID() + "/retry", admin).status()).isEqualTo(404);
  }
}
