package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/** An account was locked, by too many failed logins or by an administrator. */
public record UserLocked(UUID eventId, UserId userId, Instant occurredAt) implements AccountEvent {

  public UserLocked {
    eventId = AccountEvent.idOf(eventId, UserLocked.class, userId, occurredAt);
  }

  public UserLocked(UserId userId, Instant occurredAt) {
    this(UUID.randomUUID(), userId, occurredAt);
  }
}
