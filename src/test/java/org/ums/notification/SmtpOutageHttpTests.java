package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ums.support.Api.body;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;

/** An SMTP outage delays email; it loses none and doubles none. */
@HttpTest
class SmtpOutageHttpTests {

  private static final int PEOPLE = 50;

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Test
  void fiftyRegistrationsDuringAnSmtpOutageEachGetExactlyOneVerificationEmailOnceItIsBack() {
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < PEOPLE; i++) {
      emails.add(Emails.unique("outage" + i));
    }

    MailInbox.outage(() -> {
      for (String email : emails) {
        assertThat(api.postJson("/register/", body("email", email, "password", "a long enough secret")).status())
            .isEqualTo(201);
      }
      // Every email was tried, refused, and waits for its next attempt.
      await().atMost(Duration.ofSeconds(30)).until(() -> count("queued", emails, 1) == PEOPLE);
    });

    await().atMost(Duration.ofSeconds(30)).until(() -> count("sent", emails, 1) == PEOPLE);
    for (String email : emails) {
      assertThat(MailInbox.messagesTo(email)).as(email).hasSize(1);
      assertThat(api.get(MailInbox.awaitMessage(email).verificationPath()).status()).as(email).isEqualTo(200);
    }
    assertThat(jdbc.sql("select min(attempts) from notification_deliveries where recipient in (:emails)")
        .param("emails", emails).query(Integer.class).single()).isGreaterThanOrEqualTo(2);
  }

  private long count(String status, List<String> emails, int minAttempts) {
    return jdbc.sql("select count(*) from notification_deliveries where status = :status and attempts >= :attempts"
            + " and kind = 'email_verification' and recipient in (:emails)")
        .param("status", status).param("attempts", minAttempts).param("emails", emails)
        .query(Long.class).single();
  }
}
