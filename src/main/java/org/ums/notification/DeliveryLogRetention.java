package org.ums.notification;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets settled deliveries (sent, skipped, failed) last changed longer ago than
 * {@code ums.notification.log-retention}, in
 * batches so that no long transaction holds the table. Queued ones are kept whatever their age: they are
 * still to be sent.
 */
@Component
@ConditionalOnProperty(name = "ums.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class DeliveryLogRetention {

  private static final int BATCH = 5_000;

  private final JdbcClient jdbc;
  private final NotificationProperties properties;
  private final Clock clock;

  DeliveryLogRetention(JdbcClient jdbc, NotificationProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
  void purgeOnSchedule() {
    purge();
  }

  /** Returns how many deliveries were forgotten. */
  int purge() {
    var cutoff = Timestamp.from(clock.instant().minus(properties.logRetention()));
    int total = 0;
    int deleted;
    do {
      deleted = jdbc.sql("""
              DELETE FROM notification_deliveries WHERE id IN (
                SELECT id FROM notification_deliveries WHERE updated_at < :cutoff AND status <> 'queued'
                LIMIT :batch)""")
          .param("cutoff", cutoff)
          .param("batch", BATCH)
          .update();
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }
}
