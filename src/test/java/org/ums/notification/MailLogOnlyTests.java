package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.ums.UmsApplication;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.Api;
import org.ums.support.Emails;

/**
 * Without a mail host the service starts only when told that emails may go unsent, and then logs no email's text:
 * its links carry tokens. Only the dev profile logs whole emails.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailLogOnlyTests {

  @Test
  void withoutAMailHostTheServiceRefusesToStartAndSaysWhatToSet() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(UmsApplication.class).profiles("test")
        .run("--server.port=0", "--spring.mail.host=").close())
        .satisfies(failure -> {
          var cause = findCause(failure);
          FailureAnalysis analysis = new MissingMailSettingsFailureAnalyzer().analyze(cause);
          assertThat(analysis.getAction()).contains("SPRING_MAIL_HOST", "UMS_MAIL_LOG_ONLY=true");
        });
  }

  @Test
  void withMailLogOnlyAnEmailIsNotedWithoutItsTextOrToken(CapturedOutput output) {
    String url = TestDatabases.fresh("ums_mail_log_only");
    try (var context = new SpringApplicationBuilder(UmsApplication.class).profiles("test")
        .run("--server.port=0", "--spring.mail.host=", "--ums.notification.mail-log-only=true",
            "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabases.user(),
            "--spring.datasource.password=" + TestDatabases.password())) {
      var api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
      String email = Emails.unique("unsent");

      assertThat(api.postJson("/register/", Map.of("email", email, "password", "a long enough secret")).status())
          .isEqualTo(201);

      String masked = email.charAt(0) + "***@example.com";
      await().until(() -> output.getAll().contains("Email to " + masked + " not sent"));
      assertThat(output.getAll()).doesNotContain(email).doesNotContain("/verify-email/");
    }
  }

  @Test
  void theDevProfileLogsWholeEmailsSoThatTheDeveloperCanFollowTheLinks(CapturedOutput output) {
    new LogMailGateway(true).send(new OutgoingEmail("ada@example.com", "Verify", "<p>html</p>",
        "Open http://localhost:8080/verify-email/1/secret-token"));

    assertThat(output.getAll()).contains("Email to ada@example.com", "/verify-email/1/secret-token");
  }

  private static MissingMailSettingsException findCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof MissingMailSettingsException missing) {
        return missing;
      }
    }
    throw new AssertionError("Not refused for the mail host", failure);
  }
}
