package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;
import tools.jackson.databind.JsonNode;

@HttpTest
class UserAdministrationHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @Autowired
  Api api;
  String admin;

  @BeforeEach
  void logInAsAdministrator() {
    admin = api.loginAsAdmin();
  }

  private JsonNode create(String token, Object body) {
    var response = api.postJson("/users/", body, token);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  private String managerToken() {
    String email = Emails.unique("manager");
    create(admin, body("email", email, "password", PASSWORD, "role", "MANAGER"));
    api.get(MailInbox.awaitMessage(email).verificationPath());
    return api.login(email, PASSWORD);
  }

  @Test
  void adminCreatesReadsEditsAndDeletesUserFollowingLinks() {
    String email = Emails.unique("created");
    var created = api.postJson("/users", body("email", email, "password", PASSWORD, "first_name", "Grace",
        "role", "AUTHENTICATED"), admin);
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(created.header("Location")).endsWith("/users/" + id);
    assertThat(created.json().get("role").asString()).isEqualTo("AUTHENTICATED");
    assertThat(MailInbox.awaitMessage(email).subject()).isEqualTo("Verify your email address");

    var links = created.json().get("links");
    assertThat(rels(links)).containsExactly("self", "update", "delete");
    assertThat(link(links, "update").get("method").asString()).isEqualTo("PUT");

    var read = api.get(link(links, "self").get("href").asString(), admin);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("first_name").asString()).isEqualTo("Grace");

    var updated = api.putJson("/users/" + id + "/", body("last_name", "Hopper", "bio", "Admiral"), admin);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("first_name").asString()).isEqualTo("Grace");
    assertThat(updated.json().get("last_name").asString()).isEqualTo("Hopper");
    assertThat(updated.json().get("bio").asString()).isEqualTo("Admiral");

    assertThat(api.delete("/users/" + id, admin).status()).isEqualTo(204);
    assertThat(api.get("/users/" + id, admin).status()).isEqualTo(404);
  }

  @Test
  void listsUsersWithPagingLinks() {
    for (int i = 0; i < 3; i++) {
      create(admin, body("email", Emails.unique("page"), "password", PASSWORD));
    }
    var first = api.get("/users/?skip=0&limit=2", admin);
    assertThat(first.status()).isEqualTo(200);
    var page = first.json();
    assertThat(page.get("items")).hasSize(2);
    assertThat(page.get("page").asInt()).isEqualTo(1);
    assertThat(page.get("size").asInt()).isEqualTo(2);
    long total = page.get("total").asLong();
    assertThat(total).isGreaterThanOrEqualTo(4);
    assertThat(rels(page.get("links"))).contains("self", "first", "last", "next").doesNotContain("prev");

    var second = api.get(link(page.get("links"), "next").get("href").asString(), admin).json();
    assertThat(second.get("page").asInt()).isEqualTo(2);
    assertThat(rels(second.get("links"))).contains("prev");
    assertThat(second.get("items").get(0).get("id").asString())
        .isNotEqualTo(page.get("items").get(0).get("id").asString());

    var last = api.get(link(page.get("links"), "last").get("href").asString(), admin).json();
    assertThat(rels(last.get("links"))).doesNotContain("next");
    assertThat(last.get("items").size()).isBetween(1, 2);
  }

  @Test
  void rejectsPagingOutOfBoundsWith422() {
    assertThat(api.get("/users/?limit=0", admin).status()).isEqualTo(422);
    assertThat(api.get("/users/?limit=101", admin).status()).isEqualTo(422);
    assertThat(api.get("/users/?skip=-1", admin).status()).isEqualTo(422);
    assertThat(api.get("/users/?limit=ten", admin).status()).isEqualTo(422);
    assertThat(api.get("/users/?skip=0&limit=100", admin).status()).isEqualTo(200);
  }

  @Test
  void unknownRoleIs422NamingRole() {
    String id = create(admin, body("email", Emails.unique("role"), "password", PASSWORD)).get("id").asString();
    var response = api.putJson("/users/" + id, body("role", "SUPERUSER"), admin);
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("role");
  }

  @Test
  void updateWithoutBodyIs422() {
    String id = create(admin, body("email", Emails.unique("nobody"), "password", PASSWORD)).get("id").asString();
    var response = api.send(api.request("/users/" + id, admin).PUT(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(response.status()).isEqualTo(422);
  }

  @Test
  void protectedPathsAnswer401WithoutTokenBeforeLookingAtArguments() {
    assertThat(api.get("/users/?limit=0").status()).isEqualTo(401);
    assertThat(api.get("/users/not-a-uuid").status()).isEqualTo(401);
    assertThat(api.putJson("/users/00000000-0000-0000-0000-000000000000", "{broken", null).status()).isEqualTo(401);
  }

  @Test
  void ownAccountOffersTheActionsTheCallerMayTake() {
    var me = api.get("/users/me", admin).json();
    assertThat(rels(me.get("links"))).containsExactly("self", "update", "delete");
    assertThat(link(me.get("links"), "self").get("href").asString()).endsWith("/users/me");
  }

  @Test
  void changingEmailVoidsOldLinksAndSendsNewOne() {
    String oldEmail = Emails.unique("old");
    String id = create(admin, body("email", oldEmail, "password", PASSWORD)).get("id").asString();
    String oldLink = MailInbox.awaitMessage(oldEmail).verificationPath();
    String newEmail = Emails.unique("new");
    assertThat(api.putJson("/users/" + id, body("email", newEmail), admin).status()).isEqualTo(200);
    String newLink = MailInbox.awaitMessage(newEmail).verificationPath();
    assertThat(api.get(oldLink).status()).isEqualTo(400);
    assertThat(api.get(newLink).status()).isEqualTo(200);
  }

  @Test
  void emptyUpdateIs422() {
    String id = create(admin, body("email", Emails.unique("empty"), "password", PASSWORD)).get("id").asString();
    var response = api.putJson("/users/" + id, "{}", admin);
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors")).isNotEmpty();
  }

  @Test
  void updateRejectsTakenEmailWith409() {
    String taken = Emails.unique("taken");
    create(admin, body("email", taken, "password", PASSWORD));
    String id = create(admin, body("email", Emails.unique("other"), "password", PASSWORD)).get("id").asString();
    assertThat(api.putJson("/users/" + id, body("email", taken.toUpperCase()), admin).status()).isEqualTo(409);
  }

  @Test
  void listUsersWhenCallerIsAuthenticatedThenForbidden() {
    var member = api.registerVerifiedMember(Emails.unique("plain"), PASSWORD);
    var response = api.get("/users/", member.token());
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(api.get("/users/" + member.id(), member.token()).status()).isEqualTo(403);
    assertThat(api.delete("/users/" + member.id(), member.token()).status()).isEqualTo(403);
  }

  @Test
  void listUsersWithoutTokenThenUnauthorized() {
    var response = api.get("/users/");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(api.get("/users/me").status()).isEqualTo(401);
  }

  @Test
  void managerManagesOnlyAnonymousAndAuthenticatedUsersAndGrantsNothingAbove() {
    String manager = managerToken();
    var created = api.postJson("/users/", body("email", Emails.unique("bymanager"), "password", PASSWORD,
        "role", "AUTHENTICATED"), manager);
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(api.putJson("/users/" + id, body("bio", "edited by a manager"), manager).status()).isEqualTo(200);

    assertThat(api.postJson("/users/", body("email", Emails.unique("x"), "password", PASSWORD, "role", "MANAGER"),
        manager).status()).isEqualTo(403);
    assertThat(api.putJson("/users/" + id, body("role", "ADMIN"), manager).status()).isEqualTo(403);

    String adminId = api.get("/users/me", admin).json().get("id").asString();
    var adminSeenByManager = api.get("/users/" + adminId, manager);
    assertThat(adminSeenByManager.status()).isEqualTo(200);
    assertThat(rels(adminSeenByManager.json().get("links"))).containsExactly("self");
    assertThat(api.putJson("/users/" + adminId, body("bio", "hacked"), manager).status()).isEqualTo(403);
    assertThat(api.delete("/users/" + adminId, manager).status()).isEqualTo(403);
    assertThat(api.post("/users/" + adminId + "/lock", manager).status()).isEqualTo(403);

    assertThat(api.delete("/users/" + id, manager).status()).isEqualTo(204);
  }

  @Test
  void professionalStatusIsSetByManagersOnUsersTheyManageAndAMissingValueIs422() {
    String manager = managerToken();
    String memberEmail = Emails.unique("pro");
    var member = api.registerVerifiedMember(memberEmail, PASSWORD);
    String path = "/users/" + member.id() + "/professional-status";

    var granted = api.putJson(path, body("is_professional", true), manager);
    assertThat(granted.status()).isEqualTo(200);
    assertThat(granted.json().get("is_professional").asBoolean()).isTrue();
    assertThat(api.get("/users/" + member.id(), admin).json().get("is_professional").asBoolean()).isTrue();

    var missing = api.putJson(path, body(), manager);
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("is_professional");
    assertThat(api.putJson(path, body("is_professional", "maybe"), manager).status()).isEqualTo(422);
    assertThat(api.putJson(path, body("is_professional", false), member.token()).status()).isEqualTo(403);
    String adminId = api.get("/users/me", admin).json().get("id").asString();
    assertThat(api.putJson("/users/" + adminId + "/professional-status", body("is_professional", true), manager)
        .status()).isEqualTo(403);
    assertThat(api.putJson("/users/" + java.util.UUID.randomUUID() + "/professional-status",
        body("is_professional", true), admin).status()).isEqualTo(404);
  }

  @Test
  void nobodyChangesTheirOwnRole() {
    String adminId = api.get("/users/me", admin).json().get("id").asString();
    var response = api.putJson("/users/" + adminId, body("role", "AUTHENTICATED"), admin);
    assertThat(response.status()).isEqualTo(403);
    assertThat(api.get("/users/me", admin).json().get("role").asString()).isEqualTo("ADMIN");
  }

  @Test
  void adminChangesRoleAndNewTokenCarriesIt() {
    String email = Emails.unique("promoted");
    var member = api.registerVerifiedMember(email, PASSWORD);
    var promoted = api.putJson("/users/" + member.id(), body("role", "MANAGER"), admin);
    assertThat(promoted.status()).isEqualTo(200);
    assertThat(promoted.json().get("role").asString()).isEqualTo("MANAGER");
    String token = api.login(email, PASSWORD);
    assertThat(api.get("/users/", token).status()).isEqualTo(200);
  }

  @Test
  void unknownOrMalformedUserIdIs404() {
    assertThat(api.get("/users/00000000-0000-0000-0000-000000000000", admin).status()).isEqualTo(404);
    var malformed = api.get("/users/not-a-uuid", admin);
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
  }

  private static List<String> rels(JsonNode links) {
    return links.findValuesAsString("rel");
  }

  private static JsonNode link(JsonNode links, String rel) {
    for (JsonNode link : links) {
      if (link.get("rel").asString().equals(rel)) {
        return link;
      }
    }
    throw new AssertionError("No link " + rel + " in " + links);
  }
}
