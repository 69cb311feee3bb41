package org.ums.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an email stands: {@code queued} until sent (also between retries), {@code sent} once the SMTP server
 * accepted it, {@code failed} when it will not be sent without an operator's retry (a permanent refusal or
 * too many attempts), {@code skipped} when it no longer had a purpose (the account is gone, the address is
 * already verified).
 */
enum DeliveryStatus {

  QUEUED,
  SENT,
  FAILED,
  SKIPPED;

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DeliveryStatus of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  static Optional<DeliveryStatus> ofCode(String code) {
    return Arrays.stream(values()).filter(status -> status.code().equalsIgnoreCase(code)).findFirst();
  }
}
