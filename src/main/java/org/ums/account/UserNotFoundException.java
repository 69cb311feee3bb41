package org.ums.account;

/** No account has the id or email asked for. */
public final class UserNotFoundException extends AccountException {

  UserNotFoundException() {
    super("account.not-found");
  }
}
