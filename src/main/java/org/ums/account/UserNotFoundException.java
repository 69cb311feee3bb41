package org.ums.account;

/** No account has the id or email asked for, or no record of the account module the id asked for. */
public final class UserNotFoundException extends AccountException {

  UserNotFoundException() {
    super("account.not-found");
  }

  UserNotFoundException(String messageKey) {
    super(messageKey);
  }
}
