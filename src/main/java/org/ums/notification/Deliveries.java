package org.ums.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.NoSuchMessageException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.ums.account.Accounts;
import org.ums.account.Contact;
import org.ums.account.EmailVerification;
import org.ums.account.PasswordReset;
import org.ums.account.EmailChange;
import org.ums.account.UserId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each notification once per key, recording it in the delivery log (at least once in the rare case where
 * the SMTP server accepted an email and the database then failed to record it). A delivery runs in its own
 * transaction that holds the log row's lock while the SMTP server is spoken to, so two instances (or two
 * consumers of one Kafka message) cannot both send it, and a redelivered event finds it sent.
 */
@Component
class Deliveries {

  private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
  private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() {
  };

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Accounts accounts;
  private final EmailVerification verification;
  private final PasswordReset passwords;
  private final EmailChange emailChanges;
  private final EmailComposer composer;
  private final MailGateway mail;
  private final NotificationProperties properties;
  private final JsonMapper json;
  private final Clock clock;

  Deliveries(JdbcClient jdbc, PlatformTransactionManager transactionManager, Accounts accounts,
      EmailVerification verification, PasswordReset passwords, EmailChange emailChanges, EmailComposer composer,
      MailGateway mail, NotificationProperties properties, JsonMapper json, Clock clock) {
    this.emailChanges = emailChanges;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.accounts = accounts;
    this.verification = verification;
    this.passwords = passwords;
    this.composer = composer;
    this.mail = mail;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  /** Sends the notification unless its key was sent (or given up) before, and says how it went. */
  DeliveryOutcome deliver(Notification notification) {
    return transactions.execute(status -> {
      Instant now = clock.instant();
      // One round trip creates the row or finds it, and locks it (ON CONFLICT DO UPDATE locks the conflicting
      // row even when its WHERE is false); a settled row returns nothing.
      return jdbc.sql("""
              INSERT INTO notification_deliveries (id, delivery_key, kind, event_id, user_id, parameters, status,
                attempts, created_at, updated_at)
              VALUES (:id, :key, :kind, :eventId, :userId, CAST(:facts AS jsonb), 'queued', 0, :now, :now)
              ON CONFLICT (delivery_key) DO UPDATE SET updated_at = notification_deliveries.updated_at
              WHERE notification_deliveries.status = 'queued'
              RETURNING id, kind, event_id, user_id, parameters, attempts""")
          .param("id", UUID.randomUUID())
          .param("key", notification.key())
          .param("kind", notification.kind().code())
          .param("eventId", notification.eventId())
          .param("userId", notification.userId().value())
          .param("facts", json.writeValueAsString(notification.facts()))
          .param("now", Timestamp.from(now))
          .query(this::queuedRow)
          .optional()
          .map(row -> attempt(row, now))
          .orElse(DeliveryOutcome.ALREADY_DONE);
    });
  }

  /** Sends a delivery that an operator put back in the queue; nothing happens if it is no longer queued. */
  DeliveryOutcome deliverQueued(UUID deliveryId) {
    return transactions.execute(status -> lockQueued("id = :value", deliveryId)
        .map(row -> attempt(row, clock.instant()))
        .orElse(DeliveryOutcome.ALREADY_DONE));
  }

  /**
   * Records a delivery that the Kafka consumer gave up on (a message it cannot read, or one whose retries ran
   * out) as failed with the reason, unless it was already settled.
   */
  void recordDeadLetter(String key, String kind, UUID eventId, UUID userId, Map<String, String> facts,
      String reason) {
    transactions.executeWithoutResult(status -> {
      Instant now = clock.instant();
      jdbc.sql("""
              INSERT INTO notification_deliveries (id, delivery_key, kind, event_id, user_id, parameters, status,
                attempts, last_error, created_at, updated_at, last_attempt_at)
              VALUES (:id, :key, :kind, :eventId, :userId, CAST(:facts AS jsonb), 'failed', 1, :reason, :now, :now,
                :now)
              ON CONFLICT (delivery_key) DO UPDATE SET status = 'failed', last_error = EXCLUDED.last_error,
                updated_at = EXCLUDED.updated_at, next_attempt_at = NULL
              WHERE notification_deliveries.status = 'queued'""")
          .param("id", UUID.randomUUID())
          .param("key", key)
          .param("kind", kind)
          .param("eventId", eventId)
          .param("userId", userId)
          .param("facts", json.writeValueAsString(facts))
          .param("reason", truncate(reason))
          .param("now", Timestamp.from(now))
          .update();
    });
  }

  private Optional<QueuedRow> lockQueued(String condition, Object value) {
    return jdbc.sql("SELECT id, kind, event_id, user_id, parameters, attempts FROM notification_deliveries WHERE "
            + condition + " AND status = 'queued' FOR UPDATE")
        .param("value", value)
        .query(this::queuedRow)
        .optional();
  }

  private QueuedRow queuedRow(ResultSet rs, int row) throws SQLException {
    var kind = NotificationKind.ofCode(rs.getString("kind"));
    var userId = rs.getObject("user_id", UUID.class);
    Map<String, String> facts = json.readValue(rs.getString("parameters"), FACTS);
    var notification = kind.isEmpty() || userId == null ? null
        : new Notification(kind.get(), rs.getObject("event_id", UUID.class), new UserId(userId), facts);
    return new QueuedRow(rs.getObject("id", UUID.class), notification, rs.getInt("attempts"));
  }

  private DeliveryOutcome attempt(QueuedRow row, Instant now) {
    int attempt = row.attempts() + 1;
    if (row.notification() == null) {
      return settle(row.id(), DeliveryStatus.FAILED, attempt, "Not a notification this version can send", now);
    }
    Optional<Contact> contact = accounts.contact(row.notification().userId());
    if (contact.isEmpty()) {
      return settle(row.id(), DeliveryStatus.SKIPPED, attempt, "The account no longer exists", now);
    }
    Optional<OutgoingEmail> email;
    try {
      email = compose(row.notification(), contact.get());
    } catch (TemplateEngineException | NoSuchMessageException e) {
      // A template or a message that this version lacks: trying again cannot help.
      log.error("Email {} cannot be built", row.id(), e);
      return settle(row.id(), DeliveryStatus.FAILED, attempt, "The email cannot be built: " + e.getMessage(), now);
    }
    if (email.isEmpty()) {
      return settle(row.id(), DeliveryStatus.SKIPPED, attempt, "The email address is already verified", now);
    }
    try {
      mail.send(email.get());
    } catch (RuntimeException e) {
      Instant failedAt = clock.instant();
      var failure = MailFailure.of(e);
      if (failure.permanent() || attempt >= properties.retry().maxAttempts()) {
        log.warn("Email {} to {} failed for good after {} attempt(s): {}", row.id(), email.get().to(), attempt,
            failure.reason());
        return settle(row.id(), DeliveryStatus.FAILED, attempt, failure.reason(), failedAt, email.get());
      }
      log.info("Email {} to {} failed (attempt {}), will retry: {}", row.id(), email.get().to(), attempt,
          failure.reason());
      jdbc.sql("""
              UPDATE notification_deliveries SET attempts = :attempts, last_error = :reason, updated_at = :now,
                last_attempt_at = :now, next_attempt_at = :next, recipient = :recipient, subject = :subject
              WHERE id = :id""")
          .param("attempts", attempt)
          .param("recipient", email.get().to())
          .param("subject", email.get().subject())
          .param("reason", truncate(failure.reason()))
          .param("now", Timestamp.from(failedAt))
          .param("next", Timestamp.from(failedAt.plus(properties.retry().delayAfter(attempt))))
          .param("id", row.id())
          .update();
      return DeliveryOutcome.retryLater(failure.reason());
    }
    jdbc.sql("""
            UPDATE notification_deliveries SET status = 'sent', attempts = :attempts, updated_at = :now,
              last_attempt_at = :now, next_attempt_at = NULL, sent_at = :now, recipient = :recipient,
              subject = :subject WHERE id = :id""")
        .param("attempts", attempt)
        .param("recipient", email.get().to())
        .param("subject", email.get().subject())
        .param("now", Timestamp.from(clock.instant()))
        .param("id", row.id())
        .update();
    return DeliveryOutcome.SENT;
  }

  private DeliveryOutcome settle(UUID id, DeliveryStatus status, int attempt, String reason, Instant now) {
    return settle(id, status, attempt, reason, now, null);
  }

  private DeliveryOutcome settle(UUID id, DeliveryStatus status, int attempt, String reason, Instant now,
      OutgoingEmail email) {
    jdbc.sql("""
            UPDATE notification_deliveries SET status = :status, attempts = :attempts, last_error = :reason,
              updated_at = :now, last_attempt_at = :now, next_attempt_at = NULL,
              recipient = COALESCE(CAST(:recipient AS citext), recipient),
              subject = COALESCE(CAST(:subject AS text), subject) WHERE id = :id""")
        .param("status", status.code())
        .param("recipient", email == null ? null : email.to())
        .param("subject", email == null ? null : email.subject())
        .param("attempts", attempt)
        .param("reason", truncate(reason))
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
    return status == DeliveryStatus.FAILED ? DeliveryOutcome.failed(reason) : DeliveryOutcome.ALREADY_DONE;
  }

  /** When the event happened; a delivery logged before the time travelled with it is dated when it is built. */
  private Instant occurredAt(Notification notification) {
    String stated = notification.facts().get("occurred_at");
    return stated == null ? clock.instant() : Instant.parse(stated);
  }

  /** Builds the email; a verification link gets a fresh token, which exists in clear only in the email. */
  private Optional<OutgoingEmail> compose(Notification notification, Contact contact) {
    var values = new HashMap<String, String>(notification.facts().size() + 3);
    values.put("name", contact.displayName());
    values.put("serviceUrl", properties.link("/"));
    String recipient = contact.email();
    switch (notification.kind()) {
      case EMAIL_VERIFICATION -> {
        Optional<String> token = verification.issueToken(contact.id());
        if (token.isEmpty()) {
          return Optional.empty();
        }
        values.put("link", properties.link("/verify-email/" + contact.id().value() + "/" + token.get()));
      }
      case INVITATION, PASSWORD_RESET -> {
        Optional<String> token = notification.kind() == NotificationKind.INVITATION
            ? passwords.issueInvitationToken(contact.id()) : passwords.issueResetToken(contact.id());
        if (token.isEmpty()) {
          return Optional.empty();
        }
        values.put("link", properties.link("/password-reset?token=" + token.get()));
      }
      case EMAIL_CHANGE -> {
        // To the new address, which the link proves; the account's email is still the old one.
        Optional<EmailChange.PendingEmail> pending = emailChanges.issueToken(contact.id());
        if (pending.isEmpty()) {
          return Optional.empty();
        }
        recipient = pending.get().newEmail();
        values.put("link", properties.link("/email-change/confirm?token=" + pending.get().token()));
      }
      case EMAIL_CHANGED -> {
        // To the old address, which no longer receives the account's emails.
        recipient = notification.facts().getOrDefault("old_email", "");
        values.put("newEmail", notification.facts().getOrDefault("new_email", ""));
        if (recipient.isBlank()) {
          return Optional.empty();
        }
      }
      case ROLE_CHANGED -> {
        values.put("oldRole", notification.facts().getOrDefault("old_role", ""));
        values.put("newRole", notification.facts().getOrDefault("new_role", ""));
        values.put("reason", notification.facts().getOrDefault("reason", ""));
      }
      case PROFESSIONAL_STATUS_REJECTED -> values.put("reason", notification.facts().getOrDefault("reason", ""));
      case ACCOUNT_LOCKED -> values.put("when", MailDates.format(occurredAt(notification), contact.language(),
          contact.timeZone()));
      default -> {
      }
    }
    // The recipient's language and zone, whoever caused the email.
    return Optional.of(composer.compose(notification.kind(), recipient, contact.language(), values));
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
  }

  private record QueuedRow(UUID id, Notification notification, int attempts) {
  }
}
