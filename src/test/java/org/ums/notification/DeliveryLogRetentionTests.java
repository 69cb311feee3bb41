package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ums.support.HttpTest;

@HttpTest
class DeliveryLogRetentionTests {

  @Autowired
  DeliveryLogRetention retention;

  @Autowired
  JdbcClient jdbc;

  @Test
  void settledDeliveriesUntouchedForLongerThanTheRetentionAreForgottenAndQueuedOnesKept() {
    Instant old = Instant.now().minus(Duration.ofDays(181));
    UUID oldSent = insert("sent", old);
    UUID oldFailed = insert("failed", old);
    UUID oldQueued = insert("queued", old);
    UUID recentSent = insert("sent", Instant.now().minus(Duration.ofDays(1)));
    UUID oldButRecentlySent = insert("sent", old);
    jdbc.sql("update notification_deliveries set updated_at = now() where id = :id").param("id", oldButRecentlySent)
        .update();

    assertThat(retention.purge()).isGreaterThanOrEqualTo(2);

    assertThat(exists(oldSent)).isFalse();
    assertThat(exists(oldFailed)).isFalse();
    assertThat(exists(oldQueued)).isTrue();
    assertThat(exists(recentSent)).isTrue();
    assertThat(exists(oldButRecentlySent)).isTrue();
    jdbc.sql("delete from notification_deliveries where id = :id").param("id", oldQueued).update();
  }

  private UUID insert(String status, Instant createdAt) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into notification_deliveries (id, delivery_key, kind, status, created_at, updated_at)
            values (:id, :key, 'account_locked', :status, :at, :at)""")
        .param("id", id).param("key", "retention-test:" + id).param("status", status)
        .param("at", Timestamp.from(createdAt)).update();
    return id;
  }

  private boolean exists(UUID id) {
    return jdbc.sql("select count(*) from notification_deliveries where id = :id").param("id", id)
        .query(Long.class).single() == 1;
  }
}
