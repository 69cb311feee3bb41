package org.ums.account;

/** The actor's role does not allow this operation on this user. */
public final class OperationNotAllowedException extends AccountException {

  OperationNotAllowedException(String messageKey) {
    super(messageKey);
  }
}
