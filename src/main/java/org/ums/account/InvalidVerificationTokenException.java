package org.ums.account;

/** The verification or password link is wrong, used or expired. */
public final class InvalidVerificationTokenException extends AccountException {

  InvalidVerificationTokenException() {
    super("verification.invalid-token");
  }

  InvalidVerificationTokenException(String messageKey) {
    super(messageKey);
  }
}
