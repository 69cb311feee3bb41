package org.ums.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * What every account event carries: its own id, which stays the same however often the event is delivered (so
 * a listener can recognise a redelivery), the account it is about, and when it happened.
 */
public interface AccountEvent {

  UUID eventId();

  UserId userId();

  Instant occurredAt();

  /**
   * The id of an event stored before events carried one: derived from its facts, so that every redelivery of
   * it gets the same id.
   */
  static UUID idOf(UUID eventId, Class<?> type, UserId userId, Instant occurredAt) {
    if (eventId != null) {
      return eventId;
    }
    String facts = type.getName() + '|' + (userId == null ? "" : userId.value()) + '|' + occurredAt;
    return UUID.nameUUIDFromBytes(facts.getBytes(StandardCharsets.UTF_8));
  }
}
