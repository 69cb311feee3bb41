package org.ums.account;

/** The change clashes with the state of the data: a taken email or nickname, or the last administrator. */
public final class AccountConflictException extends AccountException {

  AccountConflictException(String messageKey) {
    super(messageKey);
  }

  static AccountConflictException emailTaken() {
    return new AccountConflictException("account.email-taken");
  }

  static AccountConflictException nicknameTaken() {
    return new AccountConflictException("account.nickname-taken");
  }

  static AccountConflictException lastAdmin() {
    return new AccountConflictException("account.last-admin");
  }
}
