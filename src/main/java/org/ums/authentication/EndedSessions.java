package org.ums.authentication;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
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

  /**
   * Each look reaches this far behind the previous one: for an ending committed a while after it was stamped (a long
   * transaction) and for the difference between the clocks of the instances that stamp them.
   */
  private static final Duration OVERLAP = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(EndedSessions.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final long lagNanos;
  private final Duration remembered;
  private final ConcurrentHashMap<UUID, Instant> ended = new ConcurrentHashMap<>();
  private final ReentrantLock looking = new ReentrantLock();
  private volatile long lookedAtNanos;
  private volatile Instant lookedAt;

  EndedSessions(JdbcClient jdbc, Clock clock, AuthenticationProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.lagNanos = properties.revocationLag().toNanos();
    this.remembered = properties.accessTokenLifetime().plus(OVERLAP);
  }

  /**
   * Whether the session an access token names has ended. One request at a time looks in the database; the others
   * meanwhile answer from what was seen last, and so does everyone for a lag after a look that failed.
   */
  boolean hasEnded(UUID session) {
    if (lookedAt == null || System.nanoTime() - lookedAtNanos >= lagNanos) {
      if (lookedAt == null) {
        looking.lock();
      } else if (!looking.tryLock()) {
        return ended.containsKey(session);
      }
      try {
        look();
      } finally {
        looking.unlock();
      }
    }
    return ended.containsKey(session);
  }

  /** Sessions this instance has just ended: their tokens are refused here from now on. */
  void endedHere(Collection<UUID> sessions) {
    Instant now = clock.instant();
    sessions.forEach(session -> ended.put(session, now));
  }

  private void look() {
    long started = System.nanoTime();
    if (lookedAt != null && started - lookedAtNanos < lagNanos) {
      return;
    }
    try {
      // The database's clock, not this instance's, tells where the next look starts; one row comes back at least.
      // The first look reaches back as long as a token lives, whatever the clocks say.
      Instant from = lookedAt == null ? clock.instant().minus(remembered) : lookedAt.minus(OVERLAP);
      Instant[] clockNow = new Instant[1];
      jdbc.sql("""
              select now() as now, s.id, s.revoked_at from (select 1) as one
              left join sessions s on s.revoked_at >= :from""")
          .param("from", Timestamp.from(from))
          .query(row -> {
            clockNow[0] = row.getTimestamp("now").toInstant();
            UUID id = row.getObject("id", UUID.class);
            if (id != null) {
              ended.put(id, row.getTimestamp("revoked_at").toInstant());
            }
          });
      Instant now = clockNow[0];
      Instant forgotten = now.minus(remembered);
      ended.values().removeIf(at -> at.isBefore(forgotten));
      lookedAt = now;
    } catch (DataAccessException e) {
      LOG.warn("Could not read the sessions ended lately; trying again in {} ms", lagNanos / 1_000_000, e);
      if (lookedAt == null) {
        lookedAt = clock.instant().minus(remembered);
      }
    }
    lookedAtNanos = started;
  }
}
