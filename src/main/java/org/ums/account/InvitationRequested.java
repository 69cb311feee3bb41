package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An account opened for someone else (by an import) is to be announced to its owner with a link to choose a
 * password, which also proves the address.
 */
public record InvitationRequested(UUID eventId, UserId userId, Instant occurredAt) implements AccountEvent {

  public InvitationRequested {
    eventId = AccountEvent.idOf(eventId, InvitationRequested.class, userId, occurredAt);
  }

  public InvitationRequested(UserId userId, Instant occurredAt) {
    this(UUID.randomUUID(), userId, occurredAt);
  }
}
