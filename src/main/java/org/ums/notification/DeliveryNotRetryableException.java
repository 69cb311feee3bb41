package org.ums.notification;

/** Only a failed or skipped delivery can be retried: a sent one would go out twice, a queued one is pending. */
class DeliveryNotRetryableException extends RuntimeException {

  private final DeliveryStatus status;

  DeliveryNotRetryableException(DeliveryStatus status) {
    super("A " + status.code() + " delivery cannot be retried", null, false, false);
    this.status = status;
  }

  DeliveryStatus status() {
    return status;
  }
}
