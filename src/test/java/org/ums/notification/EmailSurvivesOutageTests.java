package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ums.support.Api.body;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ums.UmsApplication;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.MailInbox;

/**
 * The promise that no email is lost: a registration while the SMTP server is unreachable leaves its event
 * publication incomplete in the database, and the next start of the service delivers it.
 */
@ExtendWith(MailInbox.class)
class EmailSurvivesOutageTests {

  private static ConfigurableApplicationContext start(String databaseUrl, int smtpPort) {
    return new SpringApplicationBuilder(UmsApplication.class).profiles("test").run(
        "--server.port=0",
        "--spring.datasource.url=" + databaseUrl,
        "--spring.datasource.username=" + TestDatabases.user(),
        "--spring.datasource.password=" + TestDatabases.password(),
        "--spring.mail.port=" + smtpPort,
        "--spring.mail.properties.mail.smtp.connectiontimeout=1000");
  }

  @Test
  void verificationEmailQueuedDuringSmtpOutageIsSentAfterRestart() {
    String databaseUrl = TestDatabases.fresh("ums_mail_outage");
    String email = Emails.unique("patient");

    try (var down = start(databaseUrl, 1)) {
      var api = new Api(((WebServerApplicationContext) down).getWebServer().getPort());
      assertThat(api.postJson("/register/", body("email", email, "password", "a long enough secret")).status())
          .isEqualTo(201);
      JdbcClient jdbc = JdbcClient.create(down.getBean(javax.sql.DataSource.class));
      // The listener failed, and its retries keep failing: the email waits in the delivery log.
      await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
          "select count(*) from notification_deliveries where status = 'queued' and attempts >= 2")
          .query(Long.class).single() == 1);
      assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
          .query(Long.class).single()).isEqualTo(1);
    }
    assertThat(MailInbox.messagesTo(email)).isEmpty();

    try (var up = start(databaseUrl, 3025)) {
      var api = new Api(((WebServerApplicationContext) up).getWebServer().getPort());
      var received = MailInbox.awaitMessage(email);
      assertThat(received.subject()).isEqualTo("Verify your email address");
      assertThat(api.get(received.verificationPath()).status()).isEqualTo(200);
    }
  }
}
