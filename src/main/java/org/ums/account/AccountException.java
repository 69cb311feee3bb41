package org.ums.account;

/** A rule of the account module said no; {@link #messageKey()} names the sentence that explains it. */
public abstract sealed class AccountException extends RuntimeException permits UserNotFoundException,
    AccountConflictException, InvalidAccountDataException, OperationNotAllowedException,
    InvalidVerificationTokenException, LoginRejectedException, PasswordHashingBusyException {

  private final String messageKey;

  AccountException(String messageKey) {
    super(messageKey, null, false, false);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
