package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/** A user opened an account, by registering or by an administrator's hand; their email is not verified yet. */
public record UserRegistered(UUID eventId, UserId userId, Instant occurredAt) implements AccountEvent {

  public UserRegistered {
    eventId = AccountEvent.idOf(eventId, UserRegistered.class, userId, occurredAt);
  }

  public UserRegistered(UserId userId, Instant occurredAt) {
    this(UUID.randomUUID(), userId, occurredAt);
  }
}
