package org.ums.authentication;

import java.time.Instant;
import java.util.UUID;
import org.ums.account.UserId;

/**
 * Someone proved who they are and a session began.
 *
 * @param sessionId the session the login opened
 * @param channel how they proved it
 */
public record UserLoggedIn(UserId userId, UUID sessionId, Channel channel, Instant occurredAt) {

  /** The ways in; a second factor joins them with multi-factor sign-in. */
  public enum Channel {
    PASSWORD
  }
}
