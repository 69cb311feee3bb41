package org.ums.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an audit entry records; its code is what the API shows and filters on. */
public enum AuditAction {
  USER_CREATED, USER_UPDATED, USER_DELETED, ROLE_CHANGED, USER_LOCKED, USER_UNLOCKED, PROFESSIONAL_STATUS_CHANGED,
  USERS_EXPORTED, EMAIL_VERIFIED, REFRESH_TOKEN_REUSED, LOGIN_SUCCEEDED, LOGIN_FAILED, LOGGED_OUT, SESSIONS_ENDED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AuditAction> ofCode(String code) {
    return Arrays.stream(values()).filter(action -> action.code().equals(code)).findFirst();
  }
}
