package org.ums.notification;

import java.time.Clock;
import java.time.Instant;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits failed event publications once their backoff is over: the n-th attempt waits as long as
 * {@link NotificationProperties.Retry#delayAfter(int)} says after the previous one. This is Spring Modulith's
 * own registry doing the retrying; nothing is queued anywhere else. It covers every listener, and in Kafka
 * mode the externalisation to the broker as well (a broker outage delays events, it does not lose them).
 */
@Component
@ConditionalOnProperty(name = "ums.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class FailedEventRetries {

  /**
   * Modulith reads this many failed publications per check and then applies the filter, so a larger batch
   * keeps publications that are not due yet from hiding due ones behind them.
   */
  static final int BATCH = 10_000;

  private final FailedEventPublications failed;
  private final NotificationProperties properties;
  private final Clock clock;

  FailedEventRetries(FailedEventPublications failed, NotificationProperties properties, Clock clock) {
    this.failed = failed;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${ums.notification.retry.check-interval:5s}")
  void resubmitDue() {
    Instant now = clock.instant();
    failed.resubmit(ResubmissionOptions.defaults().withBatchSize(BATCH)
        .withFilter(publication -> isDue(publication, now)));
  }

  /**
   * Due when its backoff is over, and it has not failed far more often than emails are tried: a listener that
   * fails for ever (a bug, not an outage) stays failed in the registry for an operator to see.
   */
  boolean isDue(EventPublication publication, Instant now) {
    if (publication.getCompletionAttempts() > 2 * properties.retry().maxAttempts()) {
      return false;
    }
    Instant last = publication.getLastResubmissionDate() == null
        ? publication.getPublicationDate() : publication.getLastResubmissionDate();
    int attempts = Math.max(1, publication.getCompletionAttempts());
    return !now.isBefore(last.plus(properties.retry().delayAfter(attempts)));
  }
}
