package org.ums.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A login was refused, for one of the reasons a client must tell apart. */
public final class LoginRejectedException extends AccountException {

  /** Why the login was refused. */
  public enum Reason {
    /** Unknown email or wrong password; the two are never told apart. */
    BAD_CREDENTIALS,
    /** The password was right but the email is not verified yet. */
    EMAIL_NOT_VERIFIED,
    /** The account is locked: for a while after failed logins, or by an administrator. */
    LOCKED
  }

  private final Reason reason;
  private final transient UserId account;
  private final Duration retryAfter;

  LoginRejectedException(Reason reason, UserId account) {
    this(reason, account, null);
  }

  private LoginRejectedException(Reason reason, UserId account, Duration retryAfter) {
    super(switch (reason) {
      case BAD_CREDENTIALS -> "login.bad-credentials";
      case EMAIL_NOT_VERIFIED -> "login.email-not-verified";
      case LOCKED -> retryAfter == null ? "login.locked" : "login.locked-out";
    });
    this.reason = reason;
    this.account = account;
    this.retryAfter = retryAfter;
  }

  /**
   * The refusal of a locked account: with the time left when the lock ends by itself; while guesses made at the same
   * time are still being checked (the account is about to be locked out), the lockout that will follow.
   */
  static LoginRejectedException locked(User user, Instant now, LockoutPolicy policy) {
    Duration left;
    if (user.isLockedByAdministrator()) {
      left = null;
    } else if (user.isLockedAt(now) && user.lockedUntil() != null) {
      left = Duration.between(now, user.lockedUntil());
    } else {
      left = policy.durationAfter(user.lockoutCount());
    }
    return new LoginRejectedException(Reason.LOCKED, user.id(), left == null || left.isNegative() ? null : left);
  }

  public Reason reason() {
    return reason;
  }

  /** The account the attempt named, when there is one (for the audit log; never told to the caller). */
  public Optional<UserId> account() {
    return Optional.ofNullable(account);
  }

  /** How long until a lockout after failed logins ends; empty for any other refusal. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
