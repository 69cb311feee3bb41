package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ums.support.Api.body;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.ums.UmsApplication;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.RejectingSmtpServer;
import tools.jackson.databind.JsonNode;

/**
 * A permanent refusal (SMTP 5xx) is not retried: the delivery is marked failed with the server's reason, and
 * an administrator can re-queue it once the cause is fixed; it is then sent with a fresh link.
 */
class FailedEmailsHttpTests {

  @Test
  void refusedRecipientIsFailedAtOnceWithTheReasonAndAnAdministratorsRetrySendsItOnceFixed() throws Exception {
    String email = Emails.unique("refused");
    var rejecting = new RejectingSmtpServer();
    int port = rejecting.port();
    try (var context = new SpringApplicationBuilder(UmsApplication.class).profiles("test").run(
        "--server.port=0",
        "--spring.datasource.url=" + TestDatabases.fresh("ums_refused_mail"),
        "--spring.datasource.username=" + TestDatabases.user(),
        "--spring.datasource.password=" + TestDatabases.password(),
        "--spring.mail.port=" + port)) {
      var api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
      String admin = api.loginAsAdmin();
      assertThat(api.postJson("/register/", body("email", email, "password", "a long enough secret")).status())
          .isEqualTo(201);

      await().atMost(Duration.ofSeconds(20)).until(() -> failed(api, admin, email) != null);
      JsonNode failed = failed(api, admin, email);
      assertThat(failed.get("attempts").asInt()).isEqualTo(1);
      assertThat(failed.get("last_error").asString()).startsWith("SMTP 550").contains("No such mailbox here");
      assertThat(failed.get("next_attempt_at").isNull()).isTrue();
      assertThat(failed.get("links").valueStream().map(link -> link.get("rel").asString())).contains("retry");

      // The mailbox exists now: a server that accepts it listens where the refusing one did.
      rejecting.close();
      var fixed = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      fixed.start();
      try {
        var retried = api.post("/notifications/" + failed.get("id").asString() + "/retry", admin);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.json().get("status").asString()).isEqualTo("queued");

        await().atMost(Duration.ofSeconds(20)).until(() -> fixed.getReceivedMessages().length == 1);
        String text = com.icegreen.greenmail.util.GreenMailUtil.getBody(fixed.getReceivedMessages()[0]);
        assertThat(text).contains("/verify-email/");
        String id = failed.get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() ->
            api.get("/notifications/" + id, admin).json().get("status").asString().equals("sent"));
        assertThat(api.post("/notifications/" + id + "/retry", admin).status()).isEqualTo(409);
      } finally {
        fixed.stop();
      }
    } finally {
      rejecting.close();
    }
  }

  @Test
  void unreachableSmtpServerIsTriedMaxAttemptsTimesWithBackoffThenTheDeliveryFails() {
    String email = Emails.unique("unreachable");
    try (var context = new SpringApplicationBuilder(UmsApplication.class).profiles("test").run(
        "--server.port=0",
        "--spring.datasource.url=" + TestDatabases.fresh("ums_unreachable_mail"),
        "--spring.datasource.username=" + TestDatabases.user(),
        "--spring.datasource.password=" + TestDatabases.password(),
        "--spring.mail.port=1",
        "--ums.notification.retry.max-attempts=3")) {
      var api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
      String admin = api.loginAsAdmin();
      assertThat(api.postJson("/register/", body("email", email, "password", "a long enough secret")).status())
          .isEqualTo(201);

      await().atMost(Duration.ofSeconds(30)).until(() -> failed(api, admin, email) != null);
      JsonNode failed = failed(api, admin, email);
      assertThat(failed.get("attempts").asInt()).isEqualTo(3);
      assertThat(failed.get("last_error").asString()).containsIgnoringCase("connect");
      // Waits of 200 ms then 400 ms (application-test.properties) lie between the first and the last attempt.
      Duration tried = Duration.between(java.time.Instant.parse(failed.get("created_at").asString()),
          java.time.Instant.parse(failed.get("last_attempt_at").asString()));
      assertThat(tried).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }
  }

  private static JsonNode failed(Api api, String admin, String email) {
    var items = api.get("/notifications/?status=failed&recipient=" + Api.encode(email), admin).json().get("items");
    return items.isEmpty() ? null : items.get(0);
  }
}
