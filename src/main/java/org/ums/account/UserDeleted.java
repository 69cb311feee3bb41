package org.ums.account;

import java.time.Instant;

/** An account was deleted; the email is carried because the account can no longer be looked up. */
public record UserDeleted(UserId userId, String email, Instant occurredAt) {
}
