package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/** A user asked for a new verification link. */
public record EmailVerificationRequested(UUID eventId, UserId userId, Instant occurredAt) implements AccountEvent {

  public EmailVerificationRequested {
    eventId = AccountEvent.idOf(eventId, EmailVerificationRequested.class, userId, occurredAt);
  }

  public EmailVerificationRequested(UserId userId, Instant occurredAt) {
    this(UUID.randomUUID(), userId, occurredAt);
  }
}
