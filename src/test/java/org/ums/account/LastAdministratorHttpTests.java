package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;

/** Runs on a database of its own, so that the bootstrap administrator really is the only one. */
@HttpTest
class LastAdministratorHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabases.use("ums_last_admin", registry);
  }

  @Autowired
  Api api;
  String admin;
  String adminId;

  @BeforeEach
  void logInAsAdministrator() {
    admin = api.loginAsAdmin();
    adminId = api.get("/users/me", admin).json().get("id").asString();
  }

  @Test
  void lastAdministratorCannotBeDeletedDemotedOrLocked() {
    String email = Emails.unique("second-admin");
    String secondId = api.postJson("/users/", body("email", email, "password", PASSWORD, "role", "ADMIN"), admin)
        .json().get("id").asString();
    api.get(MailInbox.awaitMessage(email).verificationPath());
    String second = api.login(email, PASSWORD);

    // With two administrators, one may lock the other; then the remaining one is the last.
    assertThat(api.post("/users/" + adminId + "/lock", second).status()).isEqualTo(200);
    var delete = api.delete("/users/" + secondId, second);
    assertThat(delete.status()).isEqualTo(409);
    assertThat(delete.json().get("detail").asString()).contains("last administrator");

    // The locked bootstrap administrator's token is refused from the lock on (within UMS_REVOCATION_LAG).
    assertThat(api.delete("/users/" + secondId, admin).status()).isEqualTo(401);
    assertThat(api.post("/users/" + secondId + "/lock", admin).status()).isEqualTo(401);

    assertThat(api.post("/users/" + adminId + "/unlock", second).status()).isEqualTo(200);
    admin = api.loginAsAdmin();
    assertThat(api.putJson("/users/" + secondId, body("role", "MANAGER"), admin).status()).isEqualTo(200);
    // The demoted administrator's ADMIN token is refused too; as a MANAGER they cannot act on the last ADMIN.
    assertThat(api.delete("/users/" + adminId, second).status()).isEqualTo(401);
    assertThat(api.delete("/users/" + adminId, api.login(email, PASSWORD)).status()).isEqualTo(403);
    // The last administrator cannot demote or lock themselves away either.
    assertThat(api.post("/users/" + adminId + "/lock", admin).status()).isEqualTo(409);

    // Failed logins never lock the last administrator out.
    for (int attempt = 0; attempt < 4; attempt++) {
      api.postForm("/login/", java.util.Map.of("username", Api.ADMIN_EMAIL, "password", "wrong " + attempt));
    }
    assertThat(api.loginAsAdmin()).isNotBlank();
  }

  @Test
  void anAdministratorWhoCannotSignInDoesNotCountSoTheOnlyUsableOneCannotRemoveItself() {
    String email = Emails.unique("unverified-admin");
    String unverifiedId = api.postJson("/users/", body("email", email, "password", PASSWORD, "role", "ADMIN"), admin)
        .json().get("id").asString();

    var deleteSelf = api.delete("/users/" + adminId, admin);
    var lockSelf = api.post("/users/" + adminId + "/lock", admin);

    assertThat(deleteSelf.status()).isEqualTo(409);
    assertThat(deleteSelf.json().get("detail").asString()).contains("last administrator");
    assertThat(lockSelf.status()).isEqualTo(409);
    assertThat(api.get("/users/me", admin).status()).isEqualTo(200);
    // A new email would leave the only usable administrator unable to sign in until it is verified.
    var moved = api.putJson("/users/" + adminId, body("email", Emails.unique("typo")), admin);
    assertThat(moved.status()).isEqualTo(409);
    assertThat(api.get("/users/me", admin).json().get("email").asString()).isEqualTo(Api.ADMIN_EMAIL);
    // Anyone else may go: the bootstrap administrator remains.
    assertThat(api.delete("/users/" + unverifiedId, admin).status()).isEqualTo(204);
  }
}
