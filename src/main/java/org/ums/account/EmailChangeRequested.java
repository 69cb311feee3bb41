package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/** The owner of an account asked to change its email; the new address is sent a link to confirm it. */
public record EmailChangeRequested(UUID eventId, UserId userId, Instant occurredAt) implements AccountEvent {

  public EmailChangeRequested {
    eventId = AccountEvent.idOf(eventId, EmailChangeRequested.class, userId, occurredAt);
  }

  public EmailChangeRequested(UserId userId, Instant occurredAt) {
    this(UUID.randomUUID(), userId, occurredAt);
  }
}
