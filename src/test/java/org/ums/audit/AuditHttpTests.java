package org.ums.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ums.support.Api.body;

import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;
import tools.jackson.databind.JsonNode;

/** Who did what to whom is recorded for every account change, and nobody can change the record. */
@HttpTest
class AuditHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  AuditLog auditLog;

  @Test
  void everyAdministrativeChangeIsRecordedWithWhoFromWhereAndWhichRequest() {
    String admin = api.loginAsAdmin();
    String adminId = api.get("/users/me", admin).json().get("id").asString();
    String email = Emails.unique("audited");

    var created = api.send(api.request("/users/", admin).header("Content-Type", "application/json")
        .header("X-Request-Id", "req-audit-1").header("User-Agent", "audit-test/1.0")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD
            + "\"}")));
    assertThat(created.header("X-Request-Id")).isEqualTo("req-audit-1");
    String id = created.json().get("id").asString();
    api.putJson("/users/" + id, body("first_name", "Grace", "bio", "A very private biography"), admin);
    api.putJson("/users/" + id + "/role", body("role", "MANAGER", "reason", "Leads the team"), admin);
    api.post("/users/" + id + "/lock", admin);
    api.post("/users/" + id + "/unlock", admin);
    api.putJson("/users/" + id + "/professional-status", body("is_professional", true), admin);
    assertThat(api.delete("/users/" + id, admin).status()).isEqualTo(204);

    JsonNode events = api.get("/audit-events/?target=" + id + "&limit=100", admin).json();

    assertThat(events.get("items").findValuesAsString("action")).containsExactly("user_deleted",
        "professional_status_changed", "user_unlocked", "user_locked", "role_changed", "user_updated",
        "user_created");
    for (JsonNode event : events.get("items")) {
      assertThat(event.get("actor_id").asString()).isEqualTo(adminId);
      assertThat(event.get("actor_role").asString()).isEqualTo("ADMIN");
      assertThat(event.get("target_id").asString()).isEqualTo(id);
      assertThat(event.get("client_ip").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
      assertThat(event.get("request_id").asString()).isNotBlank();
    }
    JsonNode creation = last(events);
    assertThat(creation.get("request_id").asString()).isEqualTo("req-audit-1");
    assertThat(creation.get("user_agent").asString()).isEqualTo("audit-test/1.0");
    JsonNode update = byAction(events, "user_updated");
    assertThat(update.get("details").get("changed_fields").toString()).contains("first_name", "bio");
    assertThat(events.toString()).doesNotContain("A very private biography");
    JsonNode role = byAction(events, "role_changed");
    // Made by an administrator, the account is ANONYMOUS until its email is verified.
    assertThat(role.get("details").get("old_role").asString()).isEqualTo("ANONYMOUS");
    assertThat(role.get("details").get("new_role").asString()).isEqualTo("MANAGER");
    assertThat(role.get("details").get("reason").asString()).isEqualTo("Leads the team");
  }

  @Test
  void loginsFailedLoginsLogoutsAndSessionsEndedByAnAdministratorAreRecorded() {
    String email = Emails.unique("audited-login");
    var member = api.registerVerifiedMember(email, "a long enough secret");
    String requestId = "login-" + UUID.randomUUID();
    String nobody = "nobody-" + UUID.randomUUID();

    var login = api.send(form("/login/", "username=" + Api.encode(email) + "&password=a+long+enough+secret",
        requestId + "-ok"));
    api.send(form("/login/", "username=" + Api.encode(email) + "&password=wrong", requestId + "-wrong"));
    api.send(form("/login/", "username=" + nobody + "%40example.com&password=wrong", requestId + "-unknown"));
    String token = login.json().get("access_token").asString();
    assertThat(api.post("/logout/", token).status()).isEqualTo(204);
    String admin = api.loginAsAdmin();
    String adminId = api.get("/users/me", admin).json().get("id").asString();
    assertThat(api.post("/users/" + member.id() + "/sessions/revoke-all", admin).status()).isEqualTo(204);

    JsonNode succeeded = only(api.get("/audit-events/?action=login_succeeded&target=" + member.id(), admin).json(),
        requestId + "-ok");
    assertThat(succeeded.get("details").get("channel").asString()).isEqualTo("password");
    assertThat(succeeded.get("details").get("session_id").asString()).isNotBlank();
    assertThat(succeeded.get("actor_id").isNull()).isTrue();
    JsonNode wrong = only(api.get("/audit-events/?action=login_failed&target=" + member.id(), admin).json(),
        requestId + "-wrong");
    assertThat(wrong.get("details").get("reason").asString()).isEqualTo("wrong_password");
    JsonNode unknown = only(api.get("/audit-events/?action=login_failed&limit=100", admin).json(),
        requestId + "-unknown");
    assertThat(unknown.get("details").get("reason").asString()).isEqualTo("unknown_account");
    assertThat(unknown.get("target_id").isNull()).isTrue();
    assertThat(unknown.toString()).doesNotContain(nobody);
    JsonNode loggedOut = api.get("/audit-events/?action=logged_out&target=" + member.id(), admin).json()
        .get("items").get(0);
    assertThat(loggedOut.get("actor_id").asString()).isEqualTo(member.id());
    assertThat(loggedOut.get("details").get("session_id").asString())
        .isEqualTo(succeeded.get("details").get("session_id").asString());
    JsonNode ended = api.get("/audit-events/?action=sessions_ended&target=" + member.id(), admin).json()
        .get("items").get(0);
    assertThat(ended.get("actor_id").asString()).isEqualTo(adminId);
    assertThat(ended.get("details").get("reason").asString()).isEqualTo("administrator");
  }

  private HttpRequest.Builder form(String path, String body, String requestId) {
    return api.request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Request-Id", requestId).POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static JsonNode only(JsonNode page, String requestId) {
    var found = page.get("items").valueStream().filter(item -> requestId.equals(item.get("request_id").asString()))
        .toList();
    assertThat(found).as(page.toString()).hasSize(1);
    return found.get(0);
  }

  @Test
  void aRegistrationHasNoActorAndItsVerificationIsTheSystemsRoleChange() {
    String email = Emails.unique("selfmade");
    String id = api.postJson("/register/", body("email", email, "password", PASSWORD)).json().get("id").asString();
    api.get(MailInbox.awaitMessage(email).verificationPath());

    JsonNode events = api.get("/audit-events/?target=" + id, api.loginAsAdmin()).json();

    assertThat(events.get("items").findValuesAsString("action"))
        .containsExactlyInAnyOrder("email_verified", "role_changed", "user_created");
    assertThat(last(events).get("action").asString()).isEqualTo("user_created");
    assertThat(last(events).get("actor_id").isNull()).isTrue();
    assertThat(last(events).get("channel").asString()).isEqualTo("api");
    assertThat(byAction(events, "role_changed").get("details").get("by_system").asBoolean()).isTrue();
    assertThat(byAction(events, "email_verified").get("actor_id").isNull()).isTrue();
  }

  @Test
  void filtersNarrowTheLogAndBadFiltersAre422() {
    String admin = api.loginAsAdmin();
    String email = Emails.unique("filtered");
    String id = api.postJson("/users/", body("email", email, "password", PASSWORD), admin).json().get("id")
        .asString();
    api.post("/users/" + id + "/lock", admin);
    Instant later = Instant.now().plus(1, ChronoUnit.HOURS);

    assertThat(api.get("/audit-events/?target=" + id + "&action=user_locked", admin).json().get("total").asLong())
        .isEqualTo(1);
    assertThat(api.get("/audit-events/?target=" + id + "&from=" + later, admin).json().get("total").asLong())
        .isZero();
    assertThat(api.get("/audit-events/?target=" + id + "&to=" + later, admin).json().get("total").asLong())
        .isEqualTo(2);

    var badAction = api.get("/audit-events/?action=user_hacked", admin);
    assertThat(badAction.status()).isEqualTo(422);
    assertThat(badAction.json().get("errors").get(0).get("field").asString()).isEqualTo("action");
    assertThat(badAction.json().get("errors").get(0).get("message").asString()).contains("role_changed");
    assertThat(api.get("/audit-events/?actor=not-a-uuid", admin).status()).isEqualTo(422);
    assertThat(api.get("/audit-events/?from=yesterday", admin).status()).isEqualTo(422);
    assertThat(api.get("/audit-events/?limit=1000", admin).status()).isEqualTo(422);
  }

  @Test
  void onlyAdministratorsReadTheLog() {
    String admin = api.loginAsAdmin();
    String managerEmail = Emails.unique("nosy");
    api.postJson("/users/", body("email", managerEmail, "password", PASSWORD, "role", "MANAGER"), admin);
    api.get(MailInbox.awaitMessage(managerEmail).verificationPath());

    assertThat(api.get("/audit-events/", api.login(managerEmail, PASSWORD)).status()).isEqualTo(403);
    assertThat(api.get("/audit-events/").status()).isEqualTo(401);
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteTheLog() {
    UUID id = insertEntry(Instant.now());

    assertThatThrownBy(() -> jdbc.sql("update audit_events set action = 'user_created' where id = :id")
        .param("id", id).update()).isInstanceOfSatisfying(DataAccessException.class, AuditHttpTests::refusedAsAppendOnly);
    assertThatThrownBy(() -> jdbc.sql("delete from audit_events where id = :id").param("id", id).update())
        .isInstanceOfSatisfying(DataAccessException.class, AuditHttpTests::refusedAsAppendOnly);
    assertThatThrownBy(() -> jdbc.sql("truncate audit_events").update())
        .isInstanceOfSatisfying(DataAccessException.class, AuditHttpTests::refusedAsAppendOnly);
    assertThat(jdbc.sql("select count(*) from audit_events where id = :id").param("id", id).query(Long.class)
        .single()).isEqualTo(1);
  }

  @Test
  void theRetentionJobDeletesOnlyWhatIsOlderThanTheRetention() {
    UUID old = insertEntry(Instant.now().minus(800, ChronoUnit.DAYS));
    UUID recent = insertEntry(Instant.now().minus(10, ChronoUnit.DAYS));

    assertThat(auditLog.purgeExpired()).isPositive();

    assertThat(exists(old)).isFalse();
    assertThat(exists(recent)).isTrue();
  }

  private static void refusedAsAppendOnly(DataAccessException e) {
    assertThat(e.getMostSpecificCause().getMessage()).contains("append-only");
  }

  private UUID insertEntry(Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into audit_events (id, occurred_at, action) values (:id, :at, 'user_created')")
        .param("id", id).param("at", Timestamp.from(at)).update();
    return id;
  }

  private boolean exists(UUID id) {
    return jdbc.sql("select count(*) from audit_events where id = :id").param("id", id).query(Long.class).single()
        > 0;
  }

  private static JsonNode last(JsonNode events) {
    JsonNode items = events.get("items");
    return items.get(items.size() - 1);
  }

  private static JsonNode byAction(JsonNode events, String action) {
    List<JsonNode> found = new ArrayList<>();
    events.get("items").forEach(event -> {
      if (event.get("action").asString().equals(action)) {
        found.add(event);
      }
    });
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
