package org.ums.notification;

/** A filter of the delivery list names a value that does not exist. */
class InvalidDeliveryFilterException extends RuntimeException {

  private final String parameter;
  private final String allowed;

  InvalidDeliveryFilterException(String parameter, String allowed) {
    super("Unknown value for " + parameter, null, false, false);
    this.parameter = parameter;
    this.allowed = allowed;
  }

  String parameter() {
    return parameter;
  }

  String allowed() {
    return allowed;
  }
}
