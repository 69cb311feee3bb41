package org.ums.account;

/** Every password-hashing thread is busy and the queue in front of them is full: the caller should retry shortly. */
public final class PasswordHashingBusyException extends AccountException {

  PasswordHashingBusyException() {
    super("problem.password-hashing-busy");
  }
}
