package org.ums.notification;

import org.springframework.context.annotation.Conditional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.ums.account.AccountEvent;

/**
 * The embedded mode: account events reach the notification module in process, from Spring Modulith's durable
 * event registry. A listener that throws leaves its event publication failed; {@link FailedEventRetries}
 * resubmits it with backoff, and a restart republishes it. No transaction is held around the listener: the
 * delivery runs in its own.
 */
@Component
@Conditional(KafkaMode.Off.class)
class InProcessNotifications {

  private final Deliveries deliveries;

  InProcessNotifications(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  /** Every account event; those that mean no email ({@link AccountEventMessage#of}) end here. */
  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(AccountEvent event) {
    AccountEventMessage.of(event).flatMap(AccountEventMessage::notification).ifPresent(notification ->
        deliveries.deliver(notification).deferIfRetryLater(notification.key()));
  }
}
