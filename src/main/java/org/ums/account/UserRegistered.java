package org.ums.account;

import java.time.Instant;

/** A user opened an account, by registering or by an administrator's hand; their email is not verified yet. */
public record UserRegistered(UserId userId, Instant occurredAt) {
}
