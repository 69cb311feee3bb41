package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MailDatesTests {

  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  @Test
  void showsTheRecipientsZoneOnEachSideOfTheSpringDaylightSavingChange() {
    // Clocks in Madrid go from 02:00 CET to 03:00 CEST at 01:00 UTC on 29 March 2026.
    assertThat(MailDates.format(Instant.parse("2026-03-29T00:30:00Z"), Locale.forLanguageTag("es"), MADRID))
        .isEqualTo("29 de marzo de 2026, 01:30 CET");
    assertThat(MailDates.format(Instant.parse("2026-03-29T01:30:00Z"), Locale.forLanguageTag("es"), MADRID))
        .isEqualTo("29 de marzo de 2026, 03:30 CEST");
  }

  @Test
  void showsTheAutumnChangeAndTheRecipientsLanguage() {
    // On 25 October 2026 at 01:00 UTC clocks in Madrid go back from 03:00 CEST to 02:00 CET: 02:30 happens
    // twice, first in summer time, then in winter time.
    assertThat(MailDates.format(Instant.parse("2026-10-25T00:30:00Z"), Locale.GERMAN, MADRID))
        .isEqualTo("25. Oktober 2026, 02:30 MESZ");
    assertThat(MailDates.format(Instant.parse("2026-10-25T01:30:00Z"), Locale.GERMAN, MADRID))
        .isEqualTo("25. Oktober 2026, 02:30 MEZ");
    assertThat(MailDates.format(Instant.parse("2026-11-21T13:05:00Z"), Locale.ENGLISH, ZoneId.of("UTC")))
        .isEqualTo("November 21, 2026, 13:05 UTC");
    assertThat(MailDates.format(Instant.parse("2026-11-21T13:05:00Z"), Locale.SIMPLIFIED_CHINESE,
        ZoneId.of("Asia/Shanghai"))).startsWith("2026年11月21日, 21:05");
  }
}
