package org.ums.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.ums.account.AccountEvent;
import org.ums.account.Actor;
import org.ums.account.EmailVerified;
import org.ums.account.ProfessionalStatusChanged;
import org.ums.account.RoleChanged;
import org.ums.account.UserDeleted;
import org.ums.account.UserLocked;
import org.ums.account.UserRegistered;
import org.ums.account.UserUnlocked;
import org.ums.account.UserUpdated;
import org.ums.account.UsersExported;
import org.ums.account.UsersImported;
import org.ums.authentication.LoginFailed;
import org.ums.authentication.RefreshTokenReused;
import org.ums.authentication.SessionsEnded;
import org.ums.authentication.UserLoggedIn;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an audit entry for each account event, synchronously and so in the transaction of the change: the
 * entry exists exactly when the change does. Who did it and from where come from the request being served
 * (none for the system's own actions, such as a timed lock running out).
 */
@Component
class AuditTrail {

  private static final int MAX_USER_AGENT = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final JsonMapper json = JsonMapper.builder().build();

  AuditTrail(JdbcClient jdbc, JdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /** One {@code user_created} entry per imported account, written as one batch. */
  @EventListener
  void on(UsersImported event) {
    Origin origin = Origin.current();
    Timestamp at = Timestamp.from(event.occurredAt());
    String details = json.writeValueAsString(Map.of("source", "import"));
    batches.batchUpdate("""
            insert into audit_events (id, occurred_at, action, actor_id, actor_role, target_id, details, client_ip,
                                      user_agent, request_id, channel, os_user)
            values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)""", event.userIds(), 1000,
        (statement, user) -> {
          statement.setObject(1, UUID.randomUUID());
          statement.setTimestamp(2, at);
          statement.setString(3, AuditAction.USER_CREATED.code());
          statement.setObject(4, origin.actorId());
          statement.setString(5, origin.actorRole());
          statement.setObject(6, user.value());
          statement.setString(7, details);
          statement.setString(8, origin.clientIp());
          statement.setString(9, origin.userAgent());
          statement.setString(10, origin.requestId());
          statement.setString(11, origin.channel());
          statement.setString(12, origin.osUser());
        });
  }

  @EventListener
  void on(UserRegistered event) {
    write(AuditAction.USER_CREATED, event, Map.of());
  }

  @EventListener
  void on(UserUpdated event) {
    write(AuditAction.USER_UPDATED, event, Map.of("changed_fields", event.changedFields()));
  }

  @EventListener
  void on(UserDeleted event) {
    write(AuditAction.USER_DELETED, event, Map.of());
  }

  @EventListener
  void on(RoleChanged event) {
    var details = new LinkedHashMap<String, Object>();
    details.put("old_role", event.oldRole().name());
    details.put("new_role", event.newRole().name());
    if (event.reason() != null) {
      details.put("reason", event.reason());
    }
    if (event.changedBy() == null) {
      details.put("by_system", true);
    }
    write(AuditAction.ROLE_CHANGED, event, details);
  }

  @EventListener
  void on(EmailVerified event) {
    write(AuditAction.EMAIL_VERIFIED, event, Map.of());
  }

  @EventListener
  void on(UserLocked event) {
    var details = new LinkedHashMap<String, Object>();
    details.put("reason", event.byAdministrator() ? "administrator" : "failed_logins");
    if (!event.byAdministrator()) {
      details.put("until", event.until().toString());
      details.put("lockouts_in_a_row", event.lockoutsInARow());
    }
    write(AuditAction.USER_LOCKED, event, details);
  }

  @EventListener
  void on(UserUnlocked event) {
    write(AuditAction.USER_UNLOCKED, event, Map.of());
  }

  @EventListener
  void on(UsersExported event) {
    write(AuditAction.USERS_EXPORTED, event, Map.of("filters", event.filters()));
  }

  @EventListener
  void on(ProfessionalStatusChanged event) {
    write(AuditAction.PROFESSIONAL_STATUS_CHANGED, event, Map.of("is_professional", event.professional()));
  }

  /** A copied refresh token was used: its login was ended. */
  @EventListener
  void on(RefreshTokenReused event) {
    write(AuditAction.REFRESH_TOKEN_REUSED, event.userId(), event.occurredAt(),
        Map.of("session_id", event.sessionId().toString()));
  }

  @EventListener
  void on(UserLoggedIn event) {
    write(AuditAction.LOGIN_SUCCEEDED, event.userId(), event.occurredAt(),
        Map.of("session_id", event.sessionId().toString(), "channel", code(event.channel())));
  }

  /** A refused login: the account it named, if any, and why; never the password, nor an email nobody has. */
  @EventListener
  void on(LoginFailed event) {
    write(AuditAction.LOGIN_FAILED, event.userId(), event.occurredAt(), Map.of("reason", code(event.reason())));
  }

  @EventListener
  void on(SessionsEnded event) {
    if ("reuse".equals(event.reason())) {
      // Recorded as refresh_token_reused.
      return;
    }
    var details = new LinkedHashMap<String, Object>();
    details.put("reason", event.reason().replace('-', '_'));
    details.put("count", event.sessionIds().size());
    if (event.sessionIds().size() == 1) {
      details.put("session_id", event.sessionIds().get(0).toString());
    }
    write("logout".equals(event.reason()) ? AuditAction.LOGGED_OUT : AuditAction.SESSIONS_ENDED, event.userId(),
        event.occurredAt(), details);
  }

  private static String code(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT);
  }

  private void write(AuditAction action, AccountEvent event, Map<String, Object> details) {
    write(action, event.userId(), event.occurredAt(), details);
  }

  private void write(AuditAction action, org.ums.account.UserId target, Instant occurredAt,
      Map<String, Object> details) {
    Origin origin = Origin.current();
    jdbc.sql("""
            insert into audit_events (id, occurred_at, action, actor_id, actor_role, target_id, details, client_ip,
                                      user_agent, request_id, channel, os_user)
            values (:id, :occurredAt, :action, :actorId, :actorRole, :targetId, cast(:details as jsonb), :ip,
                    :userAgent, :requestId, :channel, :osUser)""")
        .param("id", UUID.randomUUID())
        .param("occurredAt", Timestamp.from(occurredAt == null ? Instant.now() : occurredAt))
        .param("action", action.code())
        .param("actorId", origin.actorId())
        .param("actorRole", origin.actorRole())
        .param("targetId", target == null ? null : target.value())
        .param("details", json.writeValueAsString(storable(details)))
        .param("ip", origin.clientIp())
        .param("userAgent", origin.userAgent())
        .param("requestId", origin.requestId())
        .param("channel", origin.channel())
        .param("osUser", origin.osUser())
        .update();
  }

  /** PostgreSQL's jsonb cannot hold NUL: a value given with one (a filter, say) is kept with U+FFFD in its place. */
  private static Object storable(Object value) {
    if (value instanceof String text) {
      return text.replace('\0', '\uFFFD');
    }
    if (value instanceof Map<?, ?> map) {
      var copy = new LinkedHashMap<Object, Object>();
      map.forEach((key, item) -> copy.put(storable(key), storable(item)));
      return copy;
    }
    if (value instanceof java.util.Collection<?> items) {
      return items.stream().map(AuditTrail::storable).toList();
    }
    return value;
  }

  /** Who caused what is being recorded, and from where: an HTTP request, the console, or the service itself. */
  record Origin(String channel, UUID actorId, String actorRole, String clientIp, String userAgent,
      String requestId, String osUser) {

    static Origin current() {
      HttpServletRequest request = currentRequest();
      if (request != null) {
        Actor actor = actorOf(request);
        String userAgent = request.getHeader("User-Agent");
        return new Origin("api", actor == null ? null : actor.id().value(),
            actor == null ? null : actor.role().name(), request.getRemoteAddr(),
            userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT)),
            (String) request.getAttribute(RequestFacts.ATTRIBUTE), null);
      }
      ConsoleSession console = ConsoleSession.current();
      if (console != null) {
        return new Origin("console", null, Actor.CONSOLE.role().name(), null, "ums-admin", console.runId(),
            console.osUser());
      }
      return new Origin("system", null, null, null, null, null, null);
    }
  }

  private static HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getRequest() : null;
  }

  private static Actor actorOf(HttpServletRequest request) {
    return request.getUserPrincipal() instanceof Authentication authentication
        && authentication.getPrincipal() instanceof Actor actor ? actor : null;
  }
}
