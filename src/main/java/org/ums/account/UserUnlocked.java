package org.ums.account;

import java.time.Instant;

/** An account was unlocked. */
public record UserUnlocked(UserId userId, Instant occurredAt) {
}
