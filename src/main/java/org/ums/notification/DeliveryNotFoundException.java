package org.ums.notification;

/** No delivery has this id. */
class DeliveryNotFoundException extends RuntimeException {

  DeliveryNotFoundException() {
    super("No such delivery", null, false, false);
  }
}
