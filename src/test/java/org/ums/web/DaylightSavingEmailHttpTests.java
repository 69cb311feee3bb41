package org.ums.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ums.support.Api.body;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Import;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;

/**
 * The service's clock is set to either side of the night in October 2027 when Madrid's clocks go back an hour;
 * the email a locked user receives names the local time they know, in their language.
 */
@HttpTest
@Import(DaylightSavingEmailHttpTests.SettableClock.class)
class DaylightSavingEmailHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @Autowired
  Api api;

  @Autowired
  AtomicReference<Instant> now;

  @Test
  void theLockedEmailStatesTheLocalTimeOnEachSideOfTheChange() {
    // At 01:00 UTC on 31 October 2027 Madrid goes from 03:00 CEST back to 02:00 CET: 02:30 happens twice.
    assertThat(lockedEmail("2027-10-31T00:30:00Z", "es")).contains("31 de octubre de 2027, 02:30 CEST");
    assertThat(lockedEmail("2027-10-31T01:30:00Z", "es")).contains("31 de octubre de 2027, 02:30 CET");
    assertThat(lockedEmail("2027-10-31T01:30:00Z", "fr")).contains("31 octobre 2027, 02:30 CET");
  }

  /** Locks a new user of Madrid who reads {@code language} at {@code instant}; returns the lock email's text. */
  private String lockedEmail(String instant, String language) {
    now.set(Instant.parse(instant));
    String admin = api.loginAsAdmin();
    String email = Emails.unique("madrileno");
    var created = api.postJson("/users/", body("email", email, "password", PASSWORD, "preferred_language", language,
        "time_zone", "Europe/Madrid"), admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(api.post("/users/" + created.json().get("id").asString() + "/lock", admin).status()).isEqualTo(200);
    return await().atMost(Duration.ofSeconds(20)).until(() -> MailInbox.messagesTo(email).stream()
        .filter(message -> message.text().contains("2027, 02:30")).findFirst(), java.util.Optional::isPresent)
        .get().text();
  }

  /** A clock the test sets; access tokens stay valid because the instants are later than the real time. */
  @TestConfiguration
  static class SettableClock {

    @Bean
    AtomicReference<Instant> settableNow() {
      return new AtomicReference<>(Instant.now());
    }

    @Bean
    @Primary
    Clock settableClock(AtomicReference<Instant> settableNow) {
      return new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return settableNow.get();
        }
      };
    }
  }
}
