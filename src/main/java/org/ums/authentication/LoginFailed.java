package org.ums.authentication;

import java.time.Instant;
import org.ums.account.UserId;

/**
 * A login was refused.
 *
 * @param userId the account the attempt named; null when no account has the email given
 * @param reason why, as the audit log records it
 */
public record LoginFailed(UserId userId, Reason reason, Instant occurredAt) {

  /** Why a login was refused; the caller is never told more than the API says. */
  public enum Reason {
    UNKNOWN_ACCOUNT, WRONG_PASSWORD, EMAIL_NOT_VERIFIED, LOCKED, TOO_MANY_FAILURES_FROM_ADDRESS
  }
}
