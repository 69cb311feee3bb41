package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/** An account was unlocked. */
public record UserUnlocked(UUID eventId, UserId userId, Instant occurredAt) implements AccountEvent {

  public UserUnlocked {
    eventId = AccountEvent.idOf(eventId, UserUnlocked.class, userId, occurredAt);
  }

  public UserUnlocked(UserId userId, Instant occurredAt) {
    this(UUID.randomUUID(), userId, occurredAt);
  }
}
