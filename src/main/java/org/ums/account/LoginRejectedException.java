package org.ums.account;

/** A login was refused, for one of the reasons a client must tell apart. */
public final class LoginRejectedException extends AccountException {

  /** Why the login was refused. */
  public enum Reason {
    /** Unknown email or wrong password; the two are never told apart. */
    BAD_CREDENTIALS,
    /** The password was right but the email is not verified yet. */
    EMAIL_NOT_VERIFIED,
    /** The account is locked. */
    LOCKED
  }

  private final Reason reason;

  LoginRejectedException(Reason reason) {
    super(switch (reason) {
      case BAD_CREDENTIALS -> "login.bad-credentials";
      case EMAIL_NOT_VERIFIED -> "login.email-not-verified";
      case LOCKED -> "login.locked";
    });
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
