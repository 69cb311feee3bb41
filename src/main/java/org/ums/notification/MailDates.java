package org.ums.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A moment as a reader expects it in an email: the date in their language's long form, the time on a 24-hour
 * clock, and the zone's short name in their zone and language, such as {@code 21 de noviembre de 2026, 14:05 CET}.
 */
final class MailDates {

  private MailDates() {
  }

  static String format(Instant instant, Locale language, ZoneId zone) {
    var local = instant.atZone(zone);
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).format(local) + ", "
        + DateTimeFormatter.ofPattern("HH:mm zzz", language).format(local);
  }
}
