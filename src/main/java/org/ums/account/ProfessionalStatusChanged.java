package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/** A manager or an administrator granted ({@code professional} true) or revoked a user's professional status. */
public record ProfessionalStatusChanged(UUID eventId, UserId userId, boolean professional, UserId changedBy,
    Instant occurredAt) implements AccountEvent {

  public ProfessionalStatusChanged {
    eventId = AccountEvent.idOf(eventId, ProfessionalStatusChanged.class, userId, occurredAt);
  }

  public ProfessionalStatusChanged(UserId userId, boolean professional, UserId changedBy, Instant occurredAt) {
    this(UUID.randomUUID(), userId, professional, changedBy, occurredAt);
  }
}
