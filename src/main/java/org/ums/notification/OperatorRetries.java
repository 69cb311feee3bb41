package org.ums.notification;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/** Sends the deliveries that operators re-queued, in both modes, with the same retries as any other. */
@Component
class OperatorRetries {

  private final Deliveries deliveries;

  OperatorRetries(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(DeliveryRetryRequested request) {
    deliveries.deliverQueued(request.deliveryId()).deferIfRetryLater(request.deliveryId().toString());
  }
}
