package org.ums.authentication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ums.account.UserId;

/**
 * Sessions of one account ended, their refresh and access tokens with them.
 *
 * @param sessionIds the sessions that ended (at least one)
 * @param reason why: {@code logout}, {@code ended} (by their owner, one of them), {@code logout-everywhere},
 *     {@code administrator}, {@code too-many-sessions}, {@code account} (locked or gone at a refresh),
 *     {@code password-changed}, {@code password-reset}, {@code password-set-by-operator}
 */
public record SessionsEnded(UserId userId, List<UUID> sessionIds, String reason, Instant occurredAt) {

  public SessionsEnded {
    sessionIds = List.copyOf(sessionIds);
  }
}
