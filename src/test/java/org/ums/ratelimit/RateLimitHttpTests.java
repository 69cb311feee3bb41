package org.ums.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;

/**
 * Limits per username on login and per client address over login, registration, verification resend and reset
 * requests. Here the test client's address, 127.0.0.1, is a trusted proxy, so that each test can stand for other
 * clients by naming them in {@code X-Forwarded-For}.
 */
@HttpTest
@TestPropertySource(properties = {"ums.rate-limit.login-per-account-per-minute=10",
    "ums.rate-limit.per-ip-per-minute=120", "ums.rate-limit.emails-per-address-per-hour=3",
    "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"})
class RateLimitHttpTests {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void theEleventhLoginForOneUsernameInAMinuteIs429EvenForAnUnknownEmailAndFromManyAddresses() {
    String stranger = Emails.unique("nobody");
    for (int attempt = 0; attempt < 10; attempt++) {
      assertThat(login(stranger, "10.0.0." + attempt).status()).isEqualTo(401);
    }
    var limited = login(stranger, "10.0.1.1");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.contentType()).startsWith("application/problem+json");
    long retryAfter = Long.parseLong(limited.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(limited.json().get("detail").asString())
        .isEqualTo("Too many attempts. Try again in " + retryAfter + " seconds.");
    assertThat(login(stranger.toUpperCase(java.util.Locale.ROOT), "10.0.1.2").status()).isEqualTo(429);
    var german = api.send(api.request("/login", null).header("X-Forwarded-For", "10.0.1.4")
        .header("Accept-Language", "de").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + Api.encode(stranger) + "&password=x")));
    assertThat(german.status()).isEqualTo(429);
    assertThat(german.json().get("detail").asString()).startsWith("Zu viele Versuche");
    // Another username is counted apart.
    assertThat(login(Emails.unique("somebody"), "10.0.1.3").status()).isEqualTo(401);
    // The table holds digests, not emails.
    assertThat(jdbc.sql("select count(*) from rate_limit_buckets where id like :email")
        .param("email", "%" + stranger + "%").query(Long.class).single()).isZero();
  }

  @Test
  void oneAddressGets120CallsAMinuteOverLoginRegistrationResendAndResetTogether() {
    // The buckets live in the database and outlast a run: an address of this run's own.
    var random = java.util.concurrent.ThreadLocalRandom.current();
    String address = "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    long started = System.nanoTime();
    int letThrough = 0;
    Api.Response limited = null;
    while (limited == null && letThrough < 400) {
      // Each path also spelt with an encoded letter: the limit belongs to the endpoint, not to a spelling.
      var answer = switch (letThrough % 8) {
        case 0 -> login(Emails.unique("guess"), address);
        case 1 -> json("/register/", body("email", "not an email", "password", "x"), address);
        case 2 -> json("/verify-email/resend", body("email", Emails.unique("resend")), address);
        case 3 -> json("/password-reset/request", body("email", Emails.unique("reset")), address);
        case 4 -> login(api, "/%6Cogin", Emails.unique("guess"), address);
        case 5 -> json("/regist%65r/", body("email", "not an email", "password", "x"), address);
        case 6 -> json("/verify-email/res%65nd", body("email", Emails.unique("resend")), address);
        default -> json("/password-reset/r%65quest/", body("email", Emails.unique("reset")), address);
      };
      if (answer.status() == 429) {
        limited = answer;
      } else {
        assertThat(answer.status()).isIn(202, 401, 422);
        letThrough++;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    // 120 at once, then one every half second.
    assertThat(letThrough).isBetween(120, 120 + (int) Math.ceil(seconds * 2) + 1);

    assertThat(limited).isNotNull();
    assertThat(limited.header("Retry-After")).isEqualTo("1");
    // Other addresses and other endpoints are not held back.
    assertThat(login(Emails.unique("guess"), "203.0.113.8").status()).isEqualTo(401);
    assertThat(api.send(api.request("/users/me", null).header("X-Forwarded-For", address).GET()).status())
        .isEqualTo(401);
  }

  @Test
  void aUsernameIsLimitedWhateverSpellingOfTheLoginPathIsUsed() {
    String stranger = Emails.unique("encoded");
    String[] spellings = {"/l%6Fgin/", "/login", "/%6C%6F%67%69%6E", "/login/", "/log%69n"};
    for (int attempt = 0; attempt < 10; attempt++) {
      assertThat(login(api, spellings[attempt % spellings.length], stranger, "10.7.0." + attempt).status())
          .isEqualTo(401);
    }

    for (String spelling : spellings) {
      var limited = login(api, spelling, stranger, "10.7.1.1");
      assertThat(limited.status()).as(spelling).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isNotNull();
    }
  }

  @Test
  void oneMailboxGetsAtMostItsShareOfResetAndVerificationEmailsWhoeverAsks() {
    String victim = Emails.unique("flooded");
    api.registerVerifiedMember(victim, "a long enough secret");
    for (int request = 0; request < 3; request++) {
      assertThat(json("/password-reset/request", body("email", victim), "10.5.0." + request).status()).isEqualTo(202);
    }
    var limited = json("/password-reset/request", body("email", victim.toUpperCase(java.util.Locale.ROOT)), "10.5.1.1");
    var resend = json("/verify-email/resend", body("email", victim), "10.5.1.2");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
    assertThat(resend.status()).isEqualTo(429);
    assertThat(json("/password-reset/request", body("email", Emails.unique("other")), "10.5.1.3").status())
        .isEqualTo(202);
    // The verification email and three reset links: nothing more reached the mailbox.
    org.awaitility.Awaitility.await().until(() -> org.ums.support.MailInbox.messagesTo(victim).size() >= 4);
    assertThat(org.ums.support.MailInbox.messagesTo(victim)).hasSize(4);
  }

  @Autowired
  ExpiredBucketCleanup cleanup;

  @Test
  void aBucketThatIsFullAgainIsDeletedAndAFreshOneCounted() {
    String full = "192.0.2." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255);
    String busy = "192.0.2.0";
    login(Emails.unique("cleanup"), full);
    login(Emails.unique("cleanup"), busy);
    // As if a minute had passed for the first address.
    jdbc.sql("update rate_limit_buckets set expires_at = 0 where id = :id").param("id", "ip:" + full).update();

    cleanup.purge();

    assertThat(jdbc.sql("select count(*) from rate_limit_buckets where id = :id").param("id", "ip:" + full)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from rate_limit_buckets where id = :id").param("id", "ip:" + busy)
        .query(Long.class).single()).isOne();
    assertThat(login(Emails.unique("cleanup"), full).status()).isEqualTo(401);
  }

  @Test
  void theOpenApiDocumentNamesThe429OfEveryLimitedOperation() {
    var paths = api.get("/openapi.json").json().get("paths");
    for (String path : new String[] {"/login", "/register", "/verify-email/resend", "/password-reset/request"}) {
      assertThat(paths.get(path).get("post").get("responses").get("429")).as(path).isNotNull();
    }
    assertThat(paths.get("/token/refresh").get("post").get("responses").get("429")).isNull();
  }

  @Test
  void twoInstancesCountTogether() {
    String stranger = Emails.unique("roaming");
    try (var second = new org.springframework.boot.builder.SpringApplicationBuilder(org.ums.UmsApplication.class)
        .profiles("test").run("--server.port=0", "--ums.rate-limit.login-per-account-per-minute=10",
            "--ums.rate-limit.per-ip-per-minute=120", "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1")) {
      var other = new Api(((org.springframework.boot.web.server.context.WebServerApplicationContext) second)
          .getWebServer().getPort());
      for (int attempt = 0; attempt < 5; attempt++) {
        assertThat(login(api, stranger, "10.2.0." + attempt).status()).isEqualTo(401);
        assertThat(login(other, stranger, "10.3.0." + attempt).status()).isEqualTo(401);
      }
      assertThat(login(other, stranger, "10.3.1.1").status()).isEqualTo(429);
      assertThat(login(api, stranger, "10.2.1.1").status()).isEqualTo(429);
    }
  }

  private Api.Response login(String username, String address) {
    return login(api, username, address);
  }

  private static Api.Response login(Api api, String username, String address) {
    return login(api, "/login/", username, address);
  }

  private static Api.Response login(Api api, String path, String username, String address) {
    return api.send(api.request(path, null).header("X-Forwarded-For", address)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + Api.encode(username) + "&password=wrong+password")));
  }

  private Api.Response json(String path, Map<String, Object> body, String address) {
    return api.send(api.request(path, null).header("X-Forwarded-For", address)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
  }

  private static String toJson(Map<String, Object> body) {
    return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
  }
}
