package org.ums.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;

@HttpTest
class LoginHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @Autowired
  JdbcClient jdbc;
  @Autowired
  Api api;


  @Test
  void issuesBearerTokenSignedWithPublishedKeyAndCarryingUserAndRole() throws Exception {
    String email = Emails.unique("token");
    var member = api.registerVerifiedMember(email, PASSWORD);
    var login = api.postForm("/login/", Map.of("username", email, "password", PASSWORD, "grant_type", "password"));
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().get("token_type").asString()).isEqualTo("bearer");
    assertThat(login.json().get("expires_in").asLong()).isEqualTo(900);
    assertThat(login.header("Cache-Control")).contains("no-store");

    SignedJWT jwt = SignedJWT.parse(login.json().get("access_token").asString());
    assertThat(jwt.getHeader().getAlgorithm().getName()).isIn("ES256", "RS256");
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo(member.id());
    assertThat(claims.getStringClaim("role")).isEqualTo("AUTHENTICATED");
    assertThat(claims.getIssuer()).isEqualTo("http://ums.test");
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(900_000);

    JWKSet keys = JWKSet.parse(api.get("/.well-known/jwks.json").body());
    var key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).isNotNull();
    assertThat(key.isPrivate()).isFalse();
    assertThat(key.getAlgorithm()).isEqualTo(jwt.getHeader().getAlgorithm());
    assertThat(jwt.verify(key instanceof RSAKey rsa ? new RSASSAVerifier(rsa)
        : new com.nimbusds.jose.crypto.ECDSAVerifier((com.nimbusds.jose.jwk.ECKey) key))).isTrue();
  }

  @Test
  void wrongPasswordAndUnknownEmailAnswerTheSame401() {
    String email = Emails.unique("same");
    api.registerVerifiedMember(email, PASSWORD);
    var wrongPassword = api.postForm("/login", Map.of("username", email, "password", "not the password"));
    var unknownEmail = api.postForm("/login", Map.of("username", Emails.unique("ghost"), "password", PASSWORD));
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownEmail.status()).isEqualTo(401);
    assertThat(wrongPassword.json().get("detail").asString()).isEqualTo("Incorrect email or password.")
        .isEqualTo(unknownEmail.json().get("detail").asString());
  }

  @Test
  void controlCharactersInUsernameAre401() {
    var response = api.postForm("/login/", Map.of("username", "a\u0000@example.com", "password", PASSWORD));
    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void rightPasswordOnUnverifiedAccountIs403() {
    String email = Emails.unique("unverified");
    api.postJson("/register/", body("email", email, "password", PASSWORD));
    var response = api.postForm("/login/", Map.of("username", email, "password", PASSWORD));
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("detail").asString()).containsIgnoringCase("not verified");
    // The right password is no failed guess, however often it is given before the email is verified.
    for (int attempt = 0; attempt < 4; attempt++) {
      assertThat(api.postForm("/login/", Map.of("username", email, "password", PASSWORD)).status()).isEqualTo(403);
    }
  }

  @Test
  void missingFormFieldsAre422() {
    var response = api.postForm("/login/", Map.of("username", "someone@example.com"));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("password");
  }

  @Test
  void locksAccountAfterThreeFailuresEmailsOwnerAndUnlockRestoresLogin() {
    String email = Emails.unique("locked");
    var member = api.registerVerifiedMember(email, PASSWORD);
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThat(api.postForm("/login/", Map.of("username", email, "password", "wrong " + attempt)).status())
          .isEqualTo(401);
    }
    var locked = api.postForm("/login/", Map.of("username", email, "password", PASSWORD));
    assertThat(locked.status()).isEqualTo(400);
    assertThat(locked.json().get("detail").asString()).containsIgnoringCase("locked");
    assertThat(MailInbox.awaitMessage(email, 2).subject()).isEqualTo("Your account is locked");

    String admin = api.loginAsAdmin();
    assertThat(api.get("/users/" + member.id(), admin).json().get("is_locked").asBoolean()).isTrue();
    var unlocked = api.post("/users/" + member.id() + "/unlock/", admin);
    assertThat(unlocked.status()).isEqualTo(200);
    assertThat(unlocked.json().get("is_locked").asBoolean()).isFalse();
    assertThat(api.postForm("/login/", Map.of("username", email, "password", PASSWORD)).status()).isEqualTo(200);
    assertThat(MailInbox.awaitMessage(email, 3).subject()).isEqualTo("Your account is unlocked");
  }

  @Test
  void twentyWrongPasswordsAtOnceLockTheAccountAsThreeInARowWould() throws Exception {
    String email = Emails.unique("parallel-guesses");
    var member = api.registerVerifiedMember(email, PASSWORD);
    var start = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
    try {
      var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
      for (int attempt = 0; attempt < 20; attempt++) {
        String guess = "wrong guess " + attempt;
        answers.add(pool.submit(() -> {
          start.await();
          return api.postForm("/login/", Map.of("username", email, "password", guess)).status();
        }));
      }
      start.countDown();
      var statuses = new java.util.ArrayList<Integer>();
      for (var answer : answers) {
        statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      // Three guesses are checked (401); the others are refused as a locked account would refuse them (400).
      assertThat(statuses).filteredOn(status -> status == 401).hasSize(3);
      assertThat(statuses).filteredOn(status -> status == 400).hasSize(17);
    } finally {
      pool.shutdownNow();
    }
    assertThat(api.get("/users/" + member.id(), api.loginAsAdmin()).json().get("is_locked").asBoolean()).isTrue();
    assertThat(api.postForm("/login/", Map.of("username", email, "password", PASSWORD)).status()).isEqualTo(400);
  }

  @Test
  void passwordsNoAccountCanHaveAre422BeforeAnyHashIsSpent() {
    String email = Emails.unique("impossible-password");
    api.registerVerifiedMember(email, PASSWORD);
    for (String impossible : new String[] {"x".repeat(129), "a long enough\0secret", "y".repeat(1_000_000)}) {
      var response = api.postForm("/login/", Map.of("username", email, "password", impossible));
      assertThat(response.status()).isEqualTo(422);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.body()).contains("password").doesNotContain("Exception");
    }
    // None of them counted as a failed login.
    assertThat(api.postForm("/login/", Map.of("username", email, "password", PASSWORD)).status()).isEqualTo(200);

    var nul = api.postJson("/register/", body("email", Emails.unique("nul"), "password", "a long enough\0secret"));
    assertThat(nul.status()).isEqualTo(422);
    assertThat(nul.body()).contains("NUL");
    var tooLong = api.postJson("/register/", body("email", Emails.unique("long"), "password", "z".repeat(129)));
    assertThat(tooLong.status()).isEqualTo(422);
  }

  @Test
  void successfulLoginResetsTheFailureCount() {
    String email = Emails.unique("reset");
    api.registerVerifiedMember(email, PASSWORD);
    for (int round = 0; round < 2; round++) {
      api.postForm("/login/", Map.of("username", email, "password", "wrong"));
      api.postForm("/login/", Map.of("username", email, "password", "wrong"));
      assertThat(api.postForm("/login/", Map.of("username", email, "password", PASSWORD)).status()).isEqualTo(200);
    }
  }

  @Test
  void acceptsBcryptHashOfTheOriginalProjectAndRehashesIt() {
    String email = Emails.unique("legacy");
    String legacyHash = new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2B, 12).encode(PASSWORD);
    assertThat(legacyHash).startsWith("$2b$");
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into users (id, email, nickname, hashed_password, role, email_verified, created_at, updated_at)
        values (:id, :email, :nickname, :hash, 'AUTHENTICATED', true, :now, :now)""")
        .param("id", id).param("email", email).param("nickname", "legacy_" + id.toString().substring(0, 8))
        .param("hash", legacyHash).param("now", Timestamp.from(Instant.now())).update();

    assertThat(api.login(email, PASSWORD)).isNotBlank();
    String stored = jdbc.sql("select hashed_password from users where id = :id").param("id", id)
        .query(String.class).single();
    assertThat(stored).startsWith("{argon2}");
    assertThat(api.login(email, PASSWORD)).isNotBlank();
  }

  @Test
  void tamperedOrForeignTokenIs401() throws Exception {
    String email = Emails.unique("tamper");
    var member = api.registerVerifiedMember(email, PASSWORD);
    String[] parts = member.token().split("\\.");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
        .replace("AUTHENTICATED", "ADMIN");
    String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes()) + "." + parts[2];
    assertThat(api.get("/users/", forged).status()).isEqualTo(401);
    assertThat(api.get("/users/me", "not.a.jwt").status()).isEqualTo(401);
    var unsigned = new com.nimbusds.jwt.PlainJWT(new com.nimbusds.jwt.JWTClaimsSet.Builder()
        .subject(member.id()).claim("role", "ADMIN").build()).serialize();
    assertThat(api.get("/users/", unsigned).status()).isEqualTo(401);
  }
}
