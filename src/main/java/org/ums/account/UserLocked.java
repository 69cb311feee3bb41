package org.ums.account;

import java.time.Instant;

/** An account was locked, by too many failed logins or by an administrator. */
public record UserLocked(UserId userId, Instant occurredAt) {
}
