package org.ums.account;

/** The verification link is wrong, used or expired. */
public final class InvalidVerificationTokenException extends AccountException {

  InvalidVerificationTokenException() {
    super("verification.invalid-token");
  }
}
