package org.ums.authentication;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.ums.account.AuthenticatedUser;
import org.ums.account.PasswordChanged;
import org.ums.account.SecretTokens;
import org.ums.account.UserId;

/**
 * Logins that last: each login opens a session whose refresh token (256 random bits, kept only as a SHA-256 hash)
 * is spent by its use and replaced by a new one (rotation). A spent token presented again was copied: the whole
 * session is revoked, which also stops whoever holds the latest token, and {@link RefreshTokenReused} is
 * published. Sessions end when revoked, after {@link AuthenticationProperties#refreshTokenLifetime()}, or with
 * their account.
 */
@Service
class Sessions {

  private static final int MAX_TOKEN = 200;
  private static final java.time.Duration PURGE_AFTER = java.time.Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final AuthenticationProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final EndedSessions ended;

  Sessions(JdbcClient jdbc, TransactionTemplate transaction, AuthenticationProperties properties,
      ApplicationEventPublisher events, Clock clock, EndedSessions ended) {
    this.ended = ended;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  /** A refresh token in clear, once, with the session it belongs to. */
  record Grant(UUID sessionId, UserId userId, String refreshToken) {
  }

  /**
   * Opens a session for a login and returns its first refresh token; past {@code UMS_MAX_SESSIONS_PER_USER} active
   * sessions, the oldest end.
   */
  Grant open(AuthenticatedUser user, String clientIp, String userAgent) {
    Instant now = clock.instant();
    UUID session = UUID.randomUUID();
    String token = SecretTokens.next();
    transaction.executeWithoutResult(status -> {
      jdbc.sql("""
              insert into sessions (id, user_id, created_at, last_used_at, expires_at, client_ip, user_agent)
              values (:id, :user, :now, :now, :expires, :ip, :agent)""")
          .param("id", session).param("user", user.id().value()).param("now", Timestamp.from(now))
          .param("expires", Timestamp.from(now.plus(properties.refreshTokenLifetime())))
          .param("ip", clientIp).param("agent", truncate(userAgent)).update();
      insertToken(session, token, now);
      var evicted = jdbc.sql("""
              update sessions set revoked_at = :now, revoked_reason = 'too-many-sessions'
              where id in (select id from sessions where user_id = :user and revoked_at is null and expires_at > :now
                           order by created_at desc, id desc offset :max)
              returning id""")
          .param("now", Timestamp.from(now)).param("user", user.id().value())
          .param("max", properties.maxSessionsPerUser()).query(UUID.class).list();
      endedHere(evicted);
      events.publishEvent(new UserLoggedIn(user.id(), session, UserLoggedIn.Channel.PASSWORD, now));
      if (!evicted.isEmpty()) {
        events.publishEvent(new SessionsEnded(user.id(), evicted, "too-many-sessions", now));
      }
    });
    return new Grant(session, user.id(), token);
  }

  /**
   * Spends a refresh token and gives the next one of its session; empty when the token is unknown, spent (then
   * the session is revoked), or its session revoked or expired.
   */
  Optional<Grant> rotate(String token) {
    if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
      return Optional.empty();
    }
    byte[] hash = SecretTokens.hash(token);
    Instant now = clock.instant();
    String next = SecretTokens.next();
    // The usual case in one statement, without a transaction around it: spend the token if it is unspent and its
    // session active, note the use, and add its successor. Of two uses at once, the second waits for the first's
    // row lock, then finds the token spent and takes the path below.
    var spent = jdbc.sql("""
            with spent as (
              update refresh_tokens t set spent_at = :now from sessions s
              where t.token_hash = :hash and t.spent_at is null and s.id = t.session_id and s.revoked_at is null
                and s.expires_at > :now
              returning t.session_id, s.user_id),
            used as (update sessions set last_used_at = :now where id = (select session_id from spent)),
            successor as (insert into refresh_tokens (token_hash, session_id, created_at)
              select :next, session_id, :now from spent)
            select session_id, user_id from spent""")
        .param("now", Timestamp.from(now)).param("hash", hash).param("next", SecretTokens.hash(next))
        .query((row, number) -> new Grant(row.getObject("session_id", UUID.class),
            UserId.of(row.getObject("user_id", UUID.class)), next))
        .optional();
    if (spent.isPresent()) {
      return spent;
    }
    var reused = new UUID[2];
    transaction.executeWithoutResult(status -> {
      var found = jdbc.sql("""
              select t.session_id, t.spent_at, s.user_id, s.revoked_at, s.expires_at from refresh_tokens t
              join sessions s on s.id = t.session_id where t.token_hash = :hash for update of t, s""")
          .param("hash", hash)
          .query((row, number) -> new Found(row.getObject("session_id", UUID.class), row.getTimestamp("spent_at"),
              row.getObject("user_id", UUID.class), row.getTimestamp("revoked_at"), row.getTimestamp("expires_at")))
          .optional();
      // Unknown, or its session ended: refused. Spent while its session is active: copied.
      if (found.isPresent() && found.get().spentAt() != null && found.get().revokedAt() == null
          && found.get().expiresAt().toInstant().isAfter(now)) {
        revoke(found.get().sessionId(), "reuse");
        reused[0] = found.get().sessionId();
        reused[1] = found.get().userId();
      }
    });
    if (reused[0] != null) {
      // After the commit that revoked it, in a transaction of its own, so that the audit entry stays.
      transaction.executeWithoutResult(status ->
          events.publishEvent(new RefreshTokenReused(UserId.of(reused[1]), reused[0], now)));
    }
    return Optional.empty();
  }

  /** Ends a session whoever it belongs to: its refresh and access tokens stop working. */
  void revoke(UUID session, String reason) {
    Instant now = clock.instant();
    jdbc.sql("""
            update sessions set revoked_at = :now, revoked_reason = :reason where id = :id and revoked_at is null
            returning user_id""")
        .param("now", Timestamp.from(now)).param("reason", reason).param("id", session)
        .query(UUID.class).optional()
        .ifPresent(user -> ended(UserId.of(user), java.util.List.of(session), reason, now));
  }

  /** One active login, as its owner sees it. */
  record ActiveSession(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String clientIp,
      String userAgent) {
  }

  /** The user's sessions that still work, the most recently used first. */
  java.util.List<ActiveSession> active(UserId user) {
    return jdbc.sql("""
            select id, created_at, last_used_at, expires_at, client_ip, user_agent from sessions
            where user_id = :user and revoked_at is null and expires_at > :now order by last_used_at desc, id""")
        .param("user", user.value()).param("now", Timestamp.from(clock.instant()))
        .query((row, number) -> new ActiveSession(row.getObject("id", UUID.class),
            row.getTimestamp("created_at").toInstant(), row.getTimestamp("last_used_at").toInstant(),
            row.getTimestamp("expires_at").toInstant(), row.getString("client_ip"), row.getString("user_agent")))
        .list();
  }

  /** Ends one of the user's sessions (logging out twice is no error); false when it is no active one of theirs. */
  boolean end(UserId user, UUID session, String reason) {
    Instant now = clock.instant();
    var endedNow = jdbc.sql("""
            update sessions set revoked_at = :now, revoked_reason = :reason
            where id = :id and user_id = :user and revoked_at is null and expires_at > :now returning id""")
        .param("now", Timestamp.from(now)).param("reason", reason).param("id", session)
        .param("user", user.value()).query(UUID.class).list();
    ended(user, endedNow, reason, now);
    return !endedNow.isEmpty();
  }

  /**
   * Ends the logins made with a password that was replaced, in the transaction that replaced it; the owner's own
   * login survives a change they made themselves ({@link SessionController} ends their others).
   */
  @org.springframework.context.event.EventListener
  void on(PasswordChanged event) {
    if (event.way() != PasswordChanged.Way.CHANGED_BY_OWNER) {
      endAll(event.userId(), "password-" + event.way().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
  }

  /** Ends every session of the user; returns how many were active. */
  int endAll(UserId user, String reason) {
    return endAllBut(user, null, reason);
  }

  /** Ends every session of the user but {@code kept} (none when null); returns how many were ended. */
  int endAllBut(UserId user, UUID kept, String reason) {
    Instant now = clock.instant();
    var endedNow = jdbc.sql("""
            update sessions set revoked_at = :now, revoked_reason = :reason
            where user_id = :user and revoked_at is null and expires_at > :now and id <> :kept returning id""")
        .param("now", Timestamp.from(now)).param("reason", reason).param("user", user.value())
        .param("kept", kept == null ? new UUID(0, 0) : kept).query(UUID.class).list();
    ended(user, endedNow, reason, now);
    return endedNow.size();
  }

  /** Tokens of the ended sessions stop working here at once; whoever keeps account hears of it. */
  private void ended(UserId user, java.util.List<UUID> endedNow, String reason, Instant now) {
    if (endedNow.isEmpty()) {
      return;
    }
    endedHere(endedNow);
    var event = new SessionsEnded(user, endedNow, reason, now);
    if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
      events.publishEvent(event);
    } else {
      transaction.executeWithoutResult(status -> events.publishEvent(event));
    }
  }

  /**
   * Deletes sessions that expired or ended a day ago or more (with their refresh tokens), and refresh tokens spent
   * a day ago or more: a copied token presented after that is refused as unknown, without ending its session.
   * Returns how many rows went.
   */
  int purge(int batch) {
    Timestamp before = Timestamp.from(clock.instant().minus(PURGE_AFTER));
    int tokens = jdbc.sql("""
            delete from refresh_tokens where token_hash in (
              select token_hash from refresh_tokens where spent_at < :before limit :batch for update skip locked)""")
        .param("before", before).param("batch", batch).update();
    int sessions = jdbc.sql("""
            delete from sessions where id in (
              select id from sessions where expires_at < :before or revoked_at < :before
              limit :batch for update skip locked)""")
        .param("before", before).param("batch", batch).update();
    return tokens + sessions;
  }

  /** The access tokens of sessions ended here stop working on this instance once the change is committed. */
  private void endedHere(java.util.List<UUID> sessions) {
    if (sessions.isEmpty()) {
      return;
    }
    if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
      org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCommit() {
              ended.endedHere(sessions);
            }
          });
    } else {
      ended.endedHere(sessions);
    }
  }

  private void insertToken(UUID session, String token, Instant now) {
    jdbc.sql("insert into refresh_tokens (token_hash, session_id, created_at) values (:hash, :session, :now)")
        .param("hash", SecretTokens.hash(token)).param("session", session).param("now", Timestamp.from(now)).update();
  }

  private static String truncate(String userAgent) {
    return userAgent == null || userAgent.length() <= 500 ? userAgent : userAgent.substring(0, 500);
  }

  private record Found(UUID sessionId, Timestamp spentAt, UUID userId, Timestamp revokedAt, Timestamp expiresAt) {
  }
}
