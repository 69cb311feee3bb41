package org.ums.account;

import java.time.Instant;

/** A user proved they own their email address. */
public record EmailVerified(UserId userId, Instant occurredAt) {
}
