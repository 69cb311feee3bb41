package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/** The owner of an account asked for a link to choose a new password. */
public record PasswordResetRequested(UUID eventId, UserId userId, Instant occurredAt) implements AccountEvent {

  public PasswordResetRequested {
    eventId = AccountEvent.idOf(eventId, PasswordResetRequested.class, userId, occurredAt);
  }

  public PasswordResetRequested(UserId userId, Instant occurredAt) {
    this(UUID.randomUUID(), userId, occurredAt);
  }
}
