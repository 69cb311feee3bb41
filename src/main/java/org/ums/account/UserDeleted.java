package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/** An account was deleted; the email is carried because the account can no longer be looked up. */
public record UserDeleted(UUID eventId, UserId userId, String email, Instant occurredAt) implements AccountEvent {

  public UserDeleted {
    eventId = AccountEvent.idOf(eventId, UserDeleted.class, userId, occurredAt);
  }

  public UserDeleted(UserId userId, String email, Instant occurredAt) {
    this(UUID.randomUUID(), userId, email, occurredAt);
  }
}
