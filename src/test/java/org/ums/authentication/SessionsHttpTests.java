package org.ums.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Refresh tokens: a login lasts by rotating them; a copied one ends the login; logging out ends it too. */
@HttpTest
class SessionsHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @Autowired
  Api api;

  @Test
  void aRefreshTokenIsSpentByItsUseAndACopyUsedAgainEndsTheLogin() {
    String email = Emails.unique("refresher");
    var member = api.registerVerifiedMember(email, PASSWORD);
    JsonNode login = login(email);
    String first = login.get("refresh_token").asString();
    assertThat(first).hasSizeGreaterThanOrEqualTo(43);
    assertThat(claims(login.get("access_token").asString()).get("sid").asString()).isNotBlank();

    var renewed = refresh(first);
    assertThat(renewed.status()).isEqualTo(200);
    assertThat(renewed.header("Cache-Control")).contains("no-store");
    String second = renewed.json().get("refresh_token").asString();
    assertThat(second).isNotEqualTo(first);
    String access = renewed.json().get("access_token").asString();
    assertThat(api.get("/users/me", access).status()).isEqualTo(200);
    assertThat(claims(access).get("sid").asString())
        .isEqualTo(claims(login.get("access_token").asString()).get("sid").asString());

    var replayed = refresh(first);
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.contentType()).startsWith("application/problem+json");
    assertThat(replayed.json().get("detail").asString()).contains("log in again");
    // The holder of the latest token is logged out too: either of them may be the thief.
    assertThat(refresh(second).status()).isEqualTo(401);
    JsonNode audit = api.get("/audit-events/?action=refresh_token_reused&target=" + member.id(), api.loginAsAdmin())
        .json();
    assertThat(audit.get("total").asLong()).isEqualTo(1);
  }

  @Test
  void loggingOutEndsTheLoginAndARefreshedTokenCarriesTheCurrentRole() {
    String email = Emails.unique("leaver");
    var member = api.registerVerifiedMember(email, PASSWORD);
    JsonNode login = login(email);
    assertThat(api.putJson("/users/" + member.id() + "/role", body("role", "MANAGER", "reason", "Support desk"),
        api.loginAsAdmin()).status()).isEqualTo(200);
    var renewed = refresh(login.get("refresh_token").asString()).json();
    assertThat(claims(renewed.get("access_token").asString()).get("role").asString()).isEqualTo("MANAGER");

    assertThat(api.post("/logout/", renewed.get("access_token").asString()).status()).isEqualTo(204);
    assertThat(refresh(renewed.get("refresh_token").asString()).status()).isEqualTo(401);
    assertThat(api.post("/logout", null).status()).isEqualTo(401);
  }

  @Test
  void loggingOutRefusesTheAccessTokenOfThatLoginAndOfNoOther() {
    String email = Emails.unique("logout");
    api.registerVerifiedMember(email, PASSWORD);
    String phone = login(email).get("access_token").asString();
    String laptop = login(email).get("access_token").asString();
    String tablet = login(email).get("access_token").asString();
    String tabletSession = claims(tablet).get("sid").asString();

    assertThat(api.post("/logout/", phone).status()).isEqualTo(204);
    assertThat(api.delete("/users/me/sessions/" + tabletSession, laptop).status()).isEqualTo(204);

    assertThat(api.get("/users/me", phone).status()).isEqualTo(401);
    assertThat(api.get("/users/me", tablet).status()).isEqualTo(401);
    assertThat(api.get("/users/me", laptop).status()).isEqualTo(200);
  }

  @Autowired
  SessionPurge purge;
  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void sessionsThatEndedOrExpiredADayAgoAndTokensSpentADayAgoArePurgedAndTheRestStays() {
    String email = Emails.unique("purged");
    var member = api.registerVerifiedMember(email, PASSWORD);
    String ended = claims(login(email).get("access_token").asString()).get("sid").asString();
    String expired = claims(login(email).get("access_token").asString()).get("sid").asString();
    JsonNode active = login(email);
    String kept = claims(active.get("access_token").asString()).get("sid").asString();
    String rotated = refresh(active.get("refresh_token").asString()).json().get("refresh_token").asString();
    jdbc.sql("update sessions set revoked_at = now() - interval '25 hours' where id = cast(:id as uuid)")
        .param("id", ended).update();
    jdbc.sql("update sessions set expires_at = now() - interval '25 hours' where id = cast(:id as uuid)")
        .param("id", expired).update();
    jdbc.sql("update refresh_tokens set spent_at = now() - interval '25 hours' where session_id = cast(:id as uuid) "
        + "and spent_at is not null").param("id", kept).update();

    purge.purge();

    assertThat(jdbc.sql("select id::text from sessions where user_id = cast(:user as uuid)")
        .param("user", member.id()).query(String.class).list()).contains(kept).doesNotContain(ended, expired);
    assertThat(jdbc.sql("select count(*) from refresh_tokens where session_id = cast(:id as uuid)")
        .param("id", kept).query(Long.class).single()).isOne();
    assertThat(refresh(rotated).status()).isEqualTo(200);
  }

  @Test
  void unknownTokensAndLockedAccountsAreRefused() {
    String email = Emails.unique("locked-refresh");
    var member = api.registerVerifiedMember(email, PASSWORD);
    JsonNode login = login(email);
    assertThat(api.post("/users/" + member.id() + "/lock", api.loginAsAdmin()).status()).isEqualTo(200);

    assertThat(refresh(login.get("refresh_token").asString()).status()).isEqualTo(401);
    assertThat(refresh("A".repeat(43)).status()).isEqualTo(401);
    assertThat(refresh("A".repeat(5000)).status()).isEqualTo(401);
    assertThat(api.postForm("/token/refresh", Map.of()).status()).isEqualTo(401);
  }

  @Test
  void ownersListAndEndTheirLoginsAndAnAdministratorEndsThemAll() {
    String email = Emails.unique("sessions");
    var member = api.registerVerifiedMember(email, PASSWORD);
    JsonNode laptop = login(email);
    JsonNode phone = login(email);
    String token = laptop.get("access_token").asString();

    JsonNode listed = api.get("/users/me/sessions", token).json().get("items");
    // registerVerifiedMember logged in once too.
    assertThat(listed).hasSize(3);
    String current = claims(token).get("sid").asString();
    assertThat(listed.findValuesAsString("id")).contains(current, claims(phone.get("access_token").asString())
        .get("sid").asString());
    assertThat(listed.findValues("current").stream().filter(JsonNode::asBoolean)).hasSize(1);
    assertThat(listed.get(0).has("user_agent")).isTrue();

    String phoneSession = claims(phone.get("access_token").asString()).get("sid").asString();
    assertThat(api.delete("/users/me/sessions/" + phoneSession, token).status()).isEqualTo(204);
    assertThat(api.delete("/users/me/sessions/" + phoneSession, token).status()).isEqualTo(404);
    assertThat(refresh(phone.get("refresh_token").asString()).status()).isEqualTo(401);
    assertThat(api.get("/users/me/sessions", token).json().get("items")).hasSize(2);

    String other = Emails.unique("not-admin");
    api.registerVerifiedMember(other, PASSWORD);
    assertThat(api.post("/users/" + member.id() + "/sessions/revoke-all", api.login(other, PASSWORD)).status())
        .isEqualTo(403);
    assertThat(api.post("/users/" + java.util.UUID.randomUUID() + "/sessions/revoke-all", api.loginAsAdmin())
        .status()).isEqualTo(404);
    assertThat(api.post("/users/" + member.id() + "/sessions/revoke-all", api.loginAsAdmin()).status())
        .isEqualTo(204);
    assertThat(refresh(laptop.get("refresh_token").asString()).status()).isEqualTo(401);
    // Its access tokens were revoked with them.
    assertThat(api.get("/users/me/sessions", token).status()).isEqualTo(401);
    assertThat(api.get("/users/me/sessions", api.login(email, PASSWORD)).json().get("items")).hasSize(1);
  }

  @Test
  void loggingOutEverywhereEndsEveryLogin() {
    String email = Emails.unique("everywhere");
    api.registerVerifiedMember(email, PASSWORD);
    JsonNode one = login(email);
    JsonNode two = login(email);

    assertThat(api.post("/users/me/sessions/revoke-all", one.get("access_token").asString()).status())
        .isEqualTo(204);

    assertThat(refresh(one.get("refresh_token").asString()).status()).isEqualTo(401);
    assertThat(refresh(two.get("refresh_token").asString()).status()).isEqualTo(401);
    assertThat(api.get("/users/me/sessions", null).status()).isEqualTo(401);
  }

  @Test
  void changingThePasswordEndsTheOtherLoginsAndTellsTheOwner() {
    String email = Emails.unique("changer");
    api.registerVerifiedMember(email, PASSWORD);
    JsonNode here = login(email);
    JsonNode elsewhere = login(email);
    String token = here.get("access_token").asString();

    var wrong = api.postJson("/users/me/password", body("current_password", "not it at all",
        "new_password", "a brand new secret"), token);
    var weak = api.postJson("/users/me/password", body("current_password", PASSWORD, "new_password", "password"),
        token);
    var changed = api.postJson("/users/me/password", body("current_password", PASSWORD,
        "new_password", "a brand new secret"), token);

    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("current_password");
    assertThat(weak.status()).isEqualTo(422);
    assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("new_password");
    assertThat(changed.status()).isEqualTo(204);
    assertThat(refresh(elsewhere.get("refresh_token").asString()).status()).isEqualTo(401);
    assertThat(refresh(here.get("refresh_token").asString()).status()).isEqualTo(200);
    assertThat(api.postForm("/login/", Map.of("username", email, "password", PASSWORD)).status()).isEqualTo(401);
    assertThat(api.login(email, "a brand new secret")).isNotBlank();
    org.awaitility.Awaitility.await().until(() -> org.ums.support.MailInbox.messagesTo(email).stream()
        .anyMatch(mail -> mail.subject().equals("Your password was changed")));
    assertThat(api.postJson("/users/me/password", body("current_password", "x", "new_password", "y"), null)
        .status()).isEqualTo(401);
  }

  @Test
  void aPasswordResetEndsEveryLogin() {
    String email = Emails.unique("reset-sessions");
    api.registerVerifiedMember(email, PASSWORD);
    JsonNode before = login(email);

    api.postJson("/password-reset/request", body("email", email));
    String text = org.awaitility.Awaitility.await().until(() -> org.ums.support.MailInbox.messagesTo(email).stream()
        .map(org.ums.support.MailInbox.ReceivedEmail::text).filter(t -> t.contains("/password-reset?token="))
        .findFirst().orElse(null), java.util.Objects::nonNull);
    var matcher = java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(text);
    assertThat(matcher.find()).isTrue();
    assertThat(api.postJson("/password-reset/confirm", body("token", matcher.group(1), "password",
        "a brand new secret")).status()).isEqualTo(200);

    assertThat(refresh(before.get("refresh_token").asString()).status()).isEqualTo(401);
  }

  @Test
  void accessTokensIssuedBeforeALockARoleChangeLoggingOutEverywhereOrADeletionAreRefused() {
    String admin = api.loginAsAdmin();
    var locked = api.registerVerifiedMember(Emails.unique("revoked-lock"), PASSWORD);
    var promoted = api.registerVerifiedMember(Emails.unique("revoked-role"), PASSWORD);
    var leaver = api.registerVerifiedMember(Emails.unique("revoked-everywhere"), PASSWORD);
    var deleted = api.registerVerifiedMember(Emails.unique("revoked-deleted"), PASSWORD);
    for (var member : java.util.List.of(locked, promoted, leaver, deleted)) {
      assertThat(api.get("/users/me", member.token()).status()).isEqualTo(200);
    }

    api.post("/users/" + locked.id() + "/lock", admin);
    api.post("/users/" + locked.id() + "/unlock", admin);
    api.putJson("/users/" + promoted.id() + "/role", body("role", "MANAGER", "reason", "Support"), admin);
    api.post("/users/me/sessions/revoke-all", leaver.token());
    api.delete("/users/" + deleted.id(), admin);

    // The test profile checks at once; UMS_REVOCATION_LAG (30 s) bounds it otherwise.
    for (var member : java.util.List.of(locked, promoted, leaver, deleted)) {
      var refused = api.get("/users/me", member.token());
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    String email = api.get("/users/" + promoted.id(), admin).json().get("email").asString();
    String fresh = api.login(email, PASSWORD);
    assertThat(api.get("/users/me", fresh).json().get("role").asString()).isEqualTo("MANAGER");
  }

  @Test
  void oneRefreshTokenSpentTwiceAtOnceGrantsOnceAndEndsTheLogin() throws Exception {
    String email = Emails.unique("racer");
    api.registerVerifiedMember(email, PASSWORD);
    String token = login(email).get("refresh_token").asString();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      var answers = new java.util.ArrayList<java.util.concurrent.Future<Api.Response>>();
      for (int i = 0; i < 4; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return refresh(token);
        }));
      }
      start.countDown();
      var granted = new java.util.ArrayList<Api.Response>();
      for (var answer : answers) {
        var response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
        if (response.status() == 200) {
          granted.add(response);
        } else {
          assertThat(response.status()).isEqualTo(401);
        }
      }
      assertThat(granted).hasSize(1);
      // The other uses were copies: the login is over, for the one who got the new token too.
      assertThat(refresh(granted.get(0).json().get("refresh_token").asString()).status()).isEqualTo(401);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aForwardedForHeaderIsNotBelievedWithoutATrustedProxy() {
    String email = Emails.unique("spoofer");
    api.registerVerifiedMember(email, PASSWORD);
    var login = api.send(api.request("/login/", null).header("X-Forwarded-For", "198.51.100.23")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "username=" + Api.encode(email) + "&password=" + Api.encode(PASSWORD))));
    String token = login.json().get("access_token").asString();
    JsonNode session = api.get("/users/me/sessions", token).json().get("items").get(0);
    assertThat(session.get("client_ip").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
  }

  private JsonNode login(String email) {
    var response = api.postForm("/login/", Map.of("username", email, "password", PASSWORD));
    assertThat(response.status()).isEqualTo(200);
    return response.json();
  }

  private Api.Response refresh(String token) {
    return api.postForm("/token/refresh", Map.of("refresh_token", token));
  }

  private static JsonNode claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return JsonMapper.builder().build().readTree(new String(Base64.getUrlDecoder().decode(payload),
        StandardCharsets.UTF_8));
  }
}
