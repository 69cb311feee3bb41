package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's role changed; {@code changedBy} is null when the system changed it (email verification), and
 * {@code reason} is what the person who changed it gave, if anything.
 */
public record RoleChanged(UUID eventId, UserId userId, Role oldRole, Role newRole, UserId changedBy, String reason,
    Instant occurredAt) implements AccountEvent {

  public RoleChanged {
    eventId = AccountEvent.idOf(eventId, RoleChanged.class, userId, occurredAt);
  }

  public RoleChanged(UserId userId, Role oldRole, Role newRole, UserId changedBy, String reason,
      Instant occurredAt) {
    this(UUID.randomUUID(), userId, oldRole, newRole, changedBy, reason, occurredAt);
  }
}
