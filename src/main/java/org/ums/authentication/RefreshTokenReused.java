package org.ums.authentication;

import java.time.Instant;
import java.util.UUID;
import org.ums.account.UserId;

/**
 * A spent refresh token was presented again: someone holds a copy. The session it belonged to has been revoked.
 *
 * @param sessionId the revoked session
 */
public record RefreshTokenReused(UserId userId, UUID sessionId, Instant occurredAt) {
}
