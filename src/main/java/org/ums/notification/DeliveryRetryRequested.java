package org.ums.notification;

import java.util.UUID;

/** An operator put a failed delivery back in the queue; it is sent from the durable event registry. */
record DeliveryRetryRequested(UUID deliveryId) {
}
