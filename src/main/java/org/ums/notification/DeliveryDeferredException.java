package org.ums.notification;

/**
 * Thrown by a listener whose email could not be sent yet, so that the event (or the Kafka message) stays
 * undelivered and comes back later.
 */
class DeliveryDeferredException extends RuntimeException {

  DeliveryDeferredException(String key, String reason) {
    super("Email " + key + " not sent yet: " + reason, null, false, false);
  }
}
