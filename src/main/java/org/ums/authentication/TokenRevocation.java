package org.ums.authentication;

import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.ums.account.Credentials;
import org.ums.account.UserId;

/**
 * Whether an access token has been revoked: its {@code ver} claim is older than its account's token version
 * (raised by a lock, a role change, a new password, logging out everywhere), the account is gone, or its session
 * has ended (logged out). Versions are
 * read from the database at most once per {@code UMS_REVOCATION_LAG} per account and instance, so a revocation
 * takes effect everywhere within that time and a request usually pays a map lookup.
 */
@Component
@ConditionalOnWebApplication
class TokenRevocation {

  private static final int MAX_CACHED = 200_000;
  private static final long GONE = Long.MAX_VALUE;

  private final Credentials credentials;
  private final EndedSessions endedSessions;
  private final long lagNanos;
  private final ConcurrentHashMap<UUID, Known> versions = new ConcurrentHashMap<>();

  TokenRevocation(Credentials credentials, EndedSessions endedSessions, AuthenticationProperties properties) {
    this.credentials = credentials;
    this.endedSessions = endedSessions;
    this.lagNanos = properties.revocationLag().toNanos();
  }

  private record Known(long version, long readAt) {
  }

  /**
   * Whether a token of {@code user} carrying {@code version} and naming {@code session} (null for none) is still
   * good: its account has not revoked it, and its session has not ended ({@link EndedSessions}).
   */
  boolean isCurrent(UUID user, long version, UUID session) {
    return isCurrent(user, version) && (session == null || !endedSessions.hasEnded(session));
  }

  private boolean isCurrent(UUID user, long version) {
    long now = System.nanoTime();
    Known known = versions.get(user);
    if (known == null || now - known.readAt() >= lagNanos) {
      if (versions.size() >= MAX_CACHED) {
        // Many accounts at once: start again rather than grow without bound.
        versions.clear();
      }
      OptionalLong current = credentials.tokenVersion(UserId.of(user));
      known = new Known(current.isPresent() ? current.getAsLong() : GONE, now);
      versions.put(user, known);
    }
    return known.version() != GONE && version >= known.version();
  }
}
