package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ums.support.Api.body;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;
import tools.jackson.databind.JsonNode;

/** A user with a complete profile asks for the professional status; a manager approves or rejects it. */
@HttpTest
class ProfessionalStatusRequestHttpTests {

  private static final String PASSWORD = "a long enough secret";
  private static final String ASK = "/users/me/professional-status-requests";

  @Autowired
  Api api;

  @Test
  void incompleteProfileIs422NamingWhatIsMissing() {
    var member = api.registerVerifiedMember(Emails.unique("incomplete"), PASSWORD);
    patch(member.token(), "{\"first_name\": \"Ada\"}");

    var refused = api.post(ASK, member.token());

    assertThat(refused.status()).isEqualTo(422);
    assertThat(fields(refused.json())).containsExactlyInAnyOrder("last_name", "bio", "profile_url");
  }

  @Test
  void completeProfileAsksOnceAndAnApprovalGrantsTheStatusAndTellsTheUser() {
    String email = Emails.unique("asker");
    var member = api.registerVerifiedMember(email, PASSWORD);
    complete(member.token());

    var asked = api.post(ASK, member.token());
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    String id = asked.json().get("id").asString();
    assertThat(asked.header("Location")).endsWith("/professional-status-requests/" + id);
    assertThat(asked.json().get("status").asString()).isEqualTo("pending");
    assertThat(rels(asked.json())).containsExactly("self");
    assertThat(api.post(ASK, member.token()).status()).isEqualTo(409);
    assertThat(api.get("/professional-status-requests/" + id, member.token()).status()).isEqualTo(200);

    String admin = api.loginAsAdmin();
    var pending = api.get("/professional-status-requests?status=pending&limit=100", admin);
    assertThat(pending.status()).isEqualTo(200);
    JsonNode listed = pending.json().get("items").valueStream()
        .filter(item -> item.get("id").asString().equals(id)).findFirst().orElseThrow();
    assertThat(rels(listed)).contains("approve", "reject");

    var approved = api.postJson("/professional-status-requests/" + id + "/approve", body("reason", "Welcome"),
        admin);
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.json().get("status").asString()).isEqualTo("approved");
    JsonNode me = api.get("/users/me", member.token()).json();
    assertThat(me.get("is_professional").asBoolean()).isTrue();
    assertThat(me.get("professional_status_updated_at").isNull()).isFalse();
    assertThat(MailInbox.awaitMessage(email, 2).subject()).isEqualTo("You now have professional status");
    assertThat(api.post("/professional-status-requests/" + id + "/approve", admin).status()).isEqualTo(409);
    assertThat(api.post(ASK, member.token()).status()).isEqualTo(409);
  }

  @Test
  void rejectionNeedsAReasonAndTellsTheUserIt() {
    String email = Emails.unique("rejected");
    var member = api.registerVerifiedMember(email, PASSWORD);
    complete(member.token());
    String id = api.post(ASK, member.token()).json().get("id").asString();
    String admin = api.loginAsAdmin();

    var noReason = api.post("/professional-status-requests/" + id + "/reject", admin);
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(fields(noReason.json())).containsExactly("reason");

    var rejected = api.postJson("/professional-status-requests/" + id + "/reject",
        body("reason", "Please link a *real* profile."), admin);
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.json().get("status").asString()).isEqualTo("rejected");
    var mail = MailInbox.awaitMessage(email, 2);
    assertThat(mail.subject()).isEqualTo("Your request for professional status was not approved");
    assertThat(mail.text()).contains("Please link a *real* profile.");
    assertThat(api.get("/users/me", member.token()).json().get("is_professional").asBoolean()).isFalse();
    await().until(() -> api.post(ASK, member.token()).status() == 201);
  }

  @Test
  void onlyManagersAndAdministratorsListAndDecide() {
    var member = api.registerVerifiedMember(Emails.unique("nosy"), PASSWORD);
    assertThat(api.get("/professional-status-requests").status()).isEqualTo(401);
    assertThat(api.get("/professional-status-requests", member.token()).status()).isEqualTo(403);
    assertThat(api.post("/professional-status-requests/" + UUID.randomUUID() + "/approve", member.token())
        .status()).isEqualTo(403);
    String admin = api.loginAsAdmin();
    assertThat(api.get("/professional-status-requests?status=maybe", admin).status()).isEqualTo(422);
    assertThat(api.post("/professional-status-requests/" + UUID.randomUUID() + "/approve", admin).status())
        .isEqualTo(404);
    assertThat(api.get("/professional-status-requests/" + UUID.randomUUID(), member.token()).status())
        .isEqualTo(404);
  }

  private void complete(String token) {
    var response = patch(token, "{\"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"bio\": \"Programs.\", "
        + "\"github_profile_url\": \"https://github.com/ada\"}");
    assertThat(response.status()).isEqualTo(200);
  }

  private Api.Response patch(String token, String json) {
    return api.send(api.request("/users/me", token).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  private static List<String> fields(JsonNode problem) {
    return problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList();
  }

  private static List<String> rels(JsonNode item) {
    return item.get("links").valueStream().map(link -> link.get("rel").asString()).toList();
  }
}
