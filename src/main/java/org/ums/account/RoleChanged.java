package org.ums.account;

import java.time.Instant;

/** A user's role changed; {@code changedBy} is null when the system changed it (email verification). */
public record RoleChanged(UserId userId, Role oldRole, Role newRole, UserId changedBy, Instant occurredAt) {
}
