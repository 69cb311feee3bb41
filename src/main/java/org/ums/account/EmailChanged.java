package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/** An account's email changed, its owner having confirmed the new address; the old address is told. */
public record EmailChanged(UUID eventId, UserId userId, String oldEmail, String newEmail, Instant occurredAt)
    implements AccountEvent {

  public EmailChanged {
    eventId = AccountEvent.idOf(eventId, EmailChanged.class, userId, occurredAt);
  }

  public EmailChanged(UserId userId, String oldEmail, String newEmail, Instant occurredAt) {
    this(UUID.randomUUID(), userId, oldEmail, newEmail, occurredAt);
  }
}
