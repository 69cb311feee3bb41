package org.ums.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What operators see of the delivery log, and their one action on it: re-queueing a failed email. */
@Component
class DeliveryLog {

  private static final String COLUMNS = "id, kind, status, recipient, subject, attempts, last_error, event_id, "
      + "user_id, created_at, updated_at, last_attempt_at, next_attempt_at, sent_at";

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DeliveryLog(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /** Newest first. */
  DeliveryPage list(DeliveryFilter filter, long skip, int limit) {
    var where = new ArrayList<String>();
    filter.status().ifPresent(status -> where.add("status = :status"));
    filter.kind().ifPresent(kind -> where.add("kind = :kind"));
    filter.recipient().ifPresent(recipient -> where.add("recipient = CAST(:recipient AS citext)"));
    String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    long total = bind(jdbc.sql("SELECT count(*) FROM notification_deliveries" + condition), filter)
        .query(Long.class).single();
    List<Delivery> items = bind(jdbc.sql("SELECT " + COLUMNS + " FROM notification_deliveries" + condition
            + " ORDER BY created_at DESC, id DESC OFFSET :skip LIMIT :limit"), filter)
        .param("skip", skip)
        .param("limit", limit)
        .query(DeliveryLog::delivery)
        .list();
    return new DeliveryPage(items, total);
  }

  Optional<Delivery> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notification_deliveries WHERE id = :id")
        .param("id", id)
        .query(DeliveryLog::delivery)
        .optional();
  }

  /**
   * Puts a failed (or skipped) delivery back in the queue with a fresh count of attempts; it is then sent like
   * a new one. A link with a token is built anew, since the old one was never stored.
   *
   * @throws DeliveryNotFoundException when there is no such delivery
   * @throws DeliveryNotRetryableException when it is sent or already queued
   */
  @Transactional
  Delivery retry(UUID id) {
    var current = jdbc.sql("SELECT status FROM notification_deliveries WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(String.class)
        .optional()
        .orElseThrow(DeliveryNotFoundException::new);
    var status = DeliveryStatus.of(current);
    if (status == DeliveryStatus.SENT || status == DeliveryStatus.QUEUED) {
      throw new DeliveryNotRetryableException(status);
    }
    jdbc.sql("""
            UPDATE notification_deliveries SET status = 'queued', attempts = 0, next_attempt_at = NULL,
              updated_at = :now WHERE id = :id""")
        .param("now", Timestamp.from(clock.instant()))
        .param("id", id)
        .update();
    events.publishEvent(new DeliveryRetryRequested(id));
    return find(id).orElseThrow(DeliveryNotFoundException::new);
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, DeliveryFilter filter) {
    filter.status().ifPresent(status -> statement.param("status", status.code()));
    filter.kind().ifPresent(kind -> statement.param("kind", kind.code()));
    filter.recipient().ifPresent(recipient -> statement.param("recipient", recipient));
    return statement;
  }

  private static Delivery delivery(ResultSet rs, int row) throws SQLException {
    return new Delivery(rs.getObject("id", UUID.class), rs.getString("kind"),
        DeliveryStatus.of(rs.getString("status")), rs.getString("recipient"), rs.getString("subject"),
        rs.getInt("attempts"), rs.getString("last_error"), rs.getObject("event_id", UUID.class),
        rs.getObject("user_id", UUID.class), instant(rs, "created_at"), instant(rs, "updated_at"),
        instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  /** One row of the delivery log. */
  record Delivery(UUID id, String kind, DeliveryStatus status, String recipient, String subject, int attempts,
      String lastError, UUID eventId, UUID userId, Instant createdAt, Instant updatedAt, Instant lastAttemptAt,
      Instant nextAttemptAt, Instant sentAt) {
  }

  record DeliveryPage(List<Delivery> items, long total) {
  }

  /** Filters of the list; empty ones match everything. */
  record DeliveryFilter(Optional<DeliveryStatus> status, Optional<NotificationKind> kind,
      Optional<String> recipient) {
  }
}
