package org.ums.account;

import java.time.Instant;

/** A user asked for a new verification link. */
public record EmailVerificationRequested(UserId userId, Instant occurredAt) {
}
