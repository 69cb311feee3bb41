package org.ums.notification;

/**
 * How one delivery attempt went: sent, already settled before (sent, skipped or failed, so nothing was done),
 * to be retried later, or failed for good.
 */
record DeliveryOutcome(Result result, String reason) {

  static final DeliveryOutcome SENT = new DeliveryOutcome(Result.SENT, null);
  static final DeliveryOutcome ALREADY_DONE = new DeliveryOutcome(Result.ALREADY_DONE, null);

  enum Result {
    SENT, ALREADY_DONE, RETRY_LATER, FAILED
  }

  /**
   * Throws when the email is to be retried later, so that the event (or the Kafka message) stays undelivered
   * and comes back; otherwise returns this outcome.
   */
  DeliveryOutcome deferIfRetryLater(String key) {
    if (result == Result.RETRY_LATER) {
      throw new DeliveryDeferredException(key, reason);
    }
    return this;
  }

  static DeliveryOutcome retryLater(String reason) {
    return new DeliveryOutcome(Result.RETRY_LATER, reason);
  }

  static DeliveryOutcome failed(String reason) {
    return new DeliveryOutcome(Result.FAILED, reason);
  }
}
