package org.ums.authentication;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sessions ended lately (logged out, ended by their owner or an administrator, revoked after a refresh token was
 * copied), whose access tokens must stop working although they have not expired. Each instance reads the sessions
 * ended since its last look at most once per {@code UMS_REVOCATION_LAG}, one indexed query for all accounts, and keeps
 * them for as long as an access token lives; the sessions it ends itself count at once.
 */
@Component
class EndedSessions {

  /** Instances' clocks differ a little: each look reaches this far behind the previous one. */
  private static final Duration OVERLAP = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final long lagNanos;
  private final Duration remembered;
  private final ConcurrentHashMap<UUID, Instant> ended = new ConcurrentHashMap<>();
  private volatile long lookedAtNanos;
  private volatile Instant lookedAt;

  EndedSessions(JdbcClient jdbc, Clock clock, AuthenticationProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.lagNanos = properties.revocationLag().toNanos();
    this.remembered = properties.accessTokenLifetime().plus(OVERLAP);
  }

  /** Whether the session an access token names has ended. */
  boolean hasEnded(UUID session) {
    if (lookedAt == null || System.nanoTime() - lookedAtNanos >= lagNanos) {
      look();
    }
    return ended.containsKey(session);
  }

  /** Sessions this instance has just ended: their tokens are refused here from now on. */
  void endedHere(Collection<UUID> sessions) {
    Instant now = clock.instant();
    sessions.forEach(session -> ended.put(session, now));
  }

  private synchronized void look() {
    long started = System.nanoTime();
    if (lookedAt != null && started - lookedAtNanos < lagNanos) {
      return;
    }
    Instant now = clock.instant();
    Instant from = lookedAt == null ? now.minus(remembered) : lookedAt.minus(OVERLAP);
    jdbc.sql("select id, revoked_at from sessions where revoked_at >= :from")
        .param("from", Timestamp.from(from))
        .query(row -> {
          ended.put(row.getObject("id", UUID.class), row.getTimestamp("revoked_at").toInstant());
        });
    Instant forgotten = now.minus(remembered);
    ended.values().removeIf(at -> at.isBefore(forgotten));
    lookedAt = now;
    lookedAtNanos = started;
  }
}
