package org.ums.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ums.UmsApplication;
import org.ums.admincli.ConsoleRunner;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.Api;
import org.ums.support.HttpTest;

/**
 * Signing keys rotate: a new key signs from then on, on every instance; the old one verifies its tokens until they
 * have expired, then leaves the JWKS. On a database of its own, so that its first key is a new installation's.
 */
@HttpTest
class SigningKeyRotationHttpTests {

  private static final String DATABASE = "ums_key_rotation";

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabases.use(DATABASE, registry);
  }

  @Autowired
  Api api;
  @Autowired
  SigningKeys keys;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ApplicationContext context;

  @Test
  void aNewKeySignsOnEveryInstanceWhileTokensOfTheOldOneWorkUntilTheyExpire() throws Exception {
    String first = api.loginAsAdmin();
    SignedJWT firstJwt = SignedJWT.parse(first);
    // A new installation's key, with no algorithm configured.
    assertThat(firstJwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
    String oldKid = firstJwt.getHeader().getKeyID();
    var oldKey = (com.nimbusds.jose.jwk.ECKey) keys.signingKey();

    String url = TestDatabases.existing(DATABASE);
    try (var other = new SpringApplicationBuilder(UmsApplication.class).profiles("test")
        .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabases.user(),
            "--spring.datasource.password=" + TestDatabases.password(), "--ums.authentication.algorithm=RS256")) {
      var second = new Api(((WebServerApplicationContext) other).getWebServer().getPort());
      var rotated = other.getBean(SigningKeyRotation.class).rotate().orElseThrow();
      assertThat(rotated.algorithm()).isEqualTo("RS256");
      assertThat(rotated.retiring()).singleElement().satisfies(old -> {
        assertThat(old.kid()).isEqualTo(oldKid);
        assertThat(old.acceptedUntil()).isBetween(Instant.now().plus(Duration.ofMinutes(15)),
            Instant.now().plus(Duration.ofMinutes(17)));
      });

      String fromSecond = second.loginAsAdmin();
      assertThat(SignedJWT.parse(fromSecond).getHeader().getKeyID()).isEqualTo(rotated.kid());
      assertThat(SignedJWT.parse(fromSecond).getHeader().getAlgorithm().getName()).isEqualTo("RS256");
      // The first instance has not read the keys since; a token naming a key it does not know makes it look.
      assertThat(api.get("/users/me", fromSecond).status()).isEqualTo(200);
      assertThat(second.get("/users/me", first).status()).isEqualTo(200);
      assertThat(api.get("/users/me", first).status()).isEqualTo(200);
      JWKSet published = JWKSet.parse(second.get("/.well-known/jwks.json").body());
      assertThat(published.getKeys()).extracting(key -> key.getKeyID()).containsExactly(rotated.kid(), oldKid);
      assertThat(published.getKeys()).noneMatch(key -> key.isPrivate());
    }
    assertThat(SignedJWT.parse(api.loginAsAdmin()).getHeader().getKeyID()).isNotEqualTo(oldKid);

    // Once the key that replaced it is older than a token's lifetime, no valid token can name the old key.
    jdbc.sql("update signing_keys set created_at = created_at - interval '1 hour'").update();
    var console = new ConsoleRunner(context).run("rotate-signing-key");
    assertThat(console.exitCode()).isZero();
    // With no algorithm configured here, the new key keeps the algorithm of the key it replaces.
    assertThat(console.output()).contains("(RS256) signs access tokens from now on").contains("is still accepted until")
        .doesNotContain(oldKid);
    assertThat(api.get("/.well-known/jwks.json").body()).doesNotContain(oldKid);
    var resigned = new SignedJWT(firstJwt.getHeader(), firstJwt.getJWTClaimsSet());
    resigned.sign(new com.nimbusds.jose.crypto.ECDSASigner(oldKey));
    assertThat(api.get("/users/me", resigned.serialize()).status()).isEqualTo(401);

    // The schedule rotates a key once it reaches UMS_SIGNING_KEY_ROTATION, and not again while the new one is young.
    var everyHour = new AuthenticationProperties("http://ums.test", null, null, null, null, null,
        Duration.ofHours(1), null);
    var schedule = new SigningKeySchedule(keys, everyHour, java.time.Clock.systemUTC());
    String current = keys.signingKey().getKeyID();
    schedule.refresh();
    assertThat(keys.signingKey().getKeyID()).isEqualTo(current);
    jdbc.sql("update signing_keys set created_at = created_at - interval '2 hours'").update();
    schedule.refresh();
    String replacement = keys.signingKey().getKeyID();
    assertThat(replacement).isNotEqualTo(current);
    schedule.refresh();
    assertThat(keys.signingKey().getKeyID()).isEqualTo(replacement);
  }
}
