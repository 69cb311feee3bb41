package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An account's password was replaced (not chosen for the first time): by its owner, through a reset link, or by
 * an operator. The owner is told by email; logins made with the old password end, except the owner's own when
 * they changed it while logged in.
 */
public record PasswordChanged(UUID eventId, UserId userId, Way way, Instant occurredAt) implements AccountEvent {

  /** How the password was replaced. */
  public enum Way { CHANGED_BY_OWNER, RESET, SET_BY_OPERATOR }

  public PasswordChanged {
    eventId = AccountEvent.idOf(eventId, PasswordChanged.class, userId, occurredAt);
  }

  public PasswordChanged(UserId userId, Way way, Instant occurredAt) {
    this(UUID.randomUUID(), userId, way, occurredAt);
  }
}
