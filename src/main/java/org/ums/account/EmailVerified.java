package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/** A user proved they own their email address. */
public record EmailVerified(UUID eventId, UserId userId, Instant occurredAt) implements AccountEvent {

  public EmailVerified {
    eventId = AccountEvent.idOf(eventId, EmailVerified.class, userId, occurredAt);
  }

  public EmailVerified(UserId userId, Instant occurredAt) {
    this(UUID.randomUUID(), userId, occurredAt);
  }
}
