package org.ums.notification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.kafka.annotation.BackOff;
import org.springframework.kafka.annotation.DltHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.RetryableTopic;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka mode's consumer, in group {@code ums-notifications}: each instance takes a share of the
 * partitions. An email that cannot be sent yet goes to the retry topics (exponential backoff, the same
 * settings as the embedded mode); one that failed for good, and a message that cannot be read, go to the
 * dead-letter topic ({@code TOPIC-dlt}) and are recorded in the delivery log as failed. The delivery log's key
 * keeps a message seen twice (a rebalance, a retry after a send whose acknowledgement was lost) from sending
 * twice.
 */
@Component
@Conditional(KafkaMode.class)
class KafkaNotifications {

  static final String GROUP = "ums-notifications";
  private static final Logger log = LoggerFactory.getLogger(KafkaNotifications.class);

  private final Deliveries deliveries;
  private final JsonMapper json;

  KafkaNotifications(Deliveries deliveries, JsonMapper json) {
    this.deliveries = deliveries;
    this.json = json;
  }

  @RetryableTopic(
      attempts = "${ums.notification.retry.max-attempts:8}",
      backOff = @BackOff(delayString = "${ums.notification.retry.initial-delay:5s}",
          multiplierString = "${ums.notification.retry.multiplier:2}",
          maxDelayString = "${ums.notification.retry.max-delay:10m}"),
      numPartitions = "${ums.notification.kafka.partitions:6}",
      replicationFactor = "${ums.notification.kafka.replication-factor:1}",
      exclude = {UnreadableMessageException.class, DeliveryFailedException.class},
      traversingCauses = "true",
      // Each retry step and the dead-letter topic get their own consumer; retries are rare, one thread each.
      concurrency = "1")
  @KafkaListener(
      id = GROUP,
      groupId = GROUP,
      topics = {AccountEventMessage.REGISTERED, AccountEventMessage.VERIFICATION_REQUESTED,
          AccountEventMessage.LOCKED, AccountEventMessage.UNLOCKED, AccountEventMessage.ROLE_CHANGED,
          AccountEventMessage.PROFESSIONAL_STATUS_CHANGED, AccountEventMessage.PROFESSIONAL_STATUS_REQUEST_REJECTED,
          AccountEventMessage.INVITATION_REQUESTED, AccountEventMessage.PASSWORD_RESET_REQUESTED,
          AccountEventMessage.PASSWORD_CHANGED, AccountEventMessage.EMAIL_CHANGE_REQUESTED,
          AccountEventMessage.EMAIL_CHANGED},
      concurrency = "${ums.notification.kafka.concurrency:3}")
  void on(ConsumerRecord<String, byte[]> record) {
    AccountEventMessage message = read(record.value());
    message.notification().ifPresent(notification -> {
      DeliveryOutcome outcome = deliveries.deliver(notification).deferIfRetryLater(notification.key());
      if (outcome.result() == DeliveryOutcome.Result.FAILED) {
        throw new DeliveryFailedException(notification.key(), outcome.reason());
      }
    });
  }

  @DltHandler
  void deadLetter(ConsumerRecord<String, byte[]> record) {
    String topic = header(record, KafkaHeaders.ORIGINAL_TOPIC);
    String reason = header(record, KafkaHeaders.EXCEPTION_MESSAGE);
    try {
      AccountEventMessage message = read(record.value());
      message.notification().ifPresent(notification -> deliveries.recordDeadLetter(notification.key(),
          notification.kind().code(), notification.eventId(), notification.userId().value(), notification.facts(),
          reason));
    } catch (UnreadableMessageException e) {
      String key = "kafka:" + topic + ":" + number(record, KafkaHeaders.ORIGINAL_PARTITION) + ":"
          + number(record, KafkaHeaders.ORIGINAL_OFFSET);
      log.warn("Unreadable message {} moved to the dead-letter topic: {}", key, e.getMessage());
      deliveries.recordDeadLetter(key, "unreadable_message", null, userIdOrNull(record.key()), Map.of(),
          "Unreadable message on " + topic + ": " + e.getMessage());
    }
  }

  private AccountEventMessage read(byte[] value) {
    if (value == null) {
      throw new UnreadableMessageException("no value");
    }
    try {
      return json.readValue(value, AccountEventMessage.class);
    } catch (JacksonException | IllegalArgumentException e) {
      String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new UnreadableMessageException(reason);
    }
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String number(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    if (header == null) {
      return "?";
    }
    ByteBuffer value = ByteBuffer.wrap(header.value());
    return value.remaining() == Integer.BYTES ? Integer.toString(value.getInt()) : Long.toString(value.getLong());
  }

  private static UUID userIdOrNull(String key) {
    try {
      return key == null ? null : UUID.fromString(key);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A message this version cannot read: retrying cannot help. */
  static class UnreadableMessageException extends RuntimeException {

    UnreadableMessageException(String reason) {
      super(reason, null, false, false);
    }
  }

  /** An email that failed for good (already recorded as such): retrying cannot help. */
  static class DeliveryFailedException extends RuntimeException {

    DeliveryFailedException(String key, String reason) {
      super("Email " + key + " failed: " + reason, null, false, false);
    }
  }
}
