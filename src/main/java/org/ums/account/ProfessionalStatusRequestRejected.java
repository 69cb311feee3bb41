package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/** A manager or an administrator turned down a user's request for the professional status, with a reason. */
public record ProfessionalStatusRequestRejected(UUID eventId, UserId userId, String reason, UserId rejectedBy,
    Instant occurredAt) implements AccountEvent {

  public ProfessionalStatusRequestRejected {
    eventId = AccountEvent.idOf(eventId, ProfessionalStatusRequestRejected.class, userId, occurredAt);
  }

  public ProfessionalStatusRequestRejected(UserId userId, String reason, UserId rejectedBy, Instant occurredAt) {
    this(UUID.randomUUID(), userId, reason, rejectedBy, occurredAt);
  }
}
