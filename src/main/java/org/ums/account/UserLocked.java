package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An account was locked: by failed logins until {@code until}, the {@code lockoutsInARow}-th such lockout without a
 * successful login in between; or by an administrator ({@code until} null, {@code lockoutsInARow} 0) until unlocked.
 */
public record UserLocked(UUID eventId, UserId userId, Instant occurredAt, Instant until, int lockoutsInARow)
    implements AccountEvent {

  public UserLocked {
    eventId = AccountEvent.idOf(eventId, UserLocked.class, userId, occurredAt);
  }

  public UserLocked(UserId userId, Instant occurredAt, Instant until, int lockoutsInARow) {
    this(UUID.randomUUID(), userId, occurredAt, until, lockoutsInARow);
  }

  /** Whether an administrator locked the account, until it is unlocked. */
  public boolean byAdministrator() {
    return until == null;
  }
}
