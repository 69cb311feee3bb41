package org.ums.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an email is about. The code names its template ({@code templates/mail/CODE.md}) and message keys. */
enum NotificationKind {

  EMAIL_VERIFICATION,
  ACCOUNT_LOCKED,
  ACCOUNT_UNLOCKED,
  ROLE_CHANGED,
  PROFESSIONAL_STATUS_GRANTED,
  PROFESSIONAL_STATUS_REVOKED,
  PROFESSIONAL_STATUS_REJECTED,
  INVITATION,
  PASSWORD_RESET,
  PASSWORD_CHANGED,
  EMAIL_CHANGE,
  EMAIL_CHANGED;

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<NotificationKind> ofCode(String code) {
    return Arrays.stream(values()).filter(kind -> kind.code().equalsIgnoreCase(code)).findFirst();
  }
}
