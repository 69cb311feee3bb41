package org.ums.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.ums.account.AccountEvent;
import org.ums.account.Actor;
import org.ums.account.ProfessionalStatusChanged;
import org.ums.account.RoleChanged;
import org.ums.account.UserDeleted;
import org.ums.account.UserLocked;
import org.ums.account.UserRegistered;
import org.ums.account.UserUnlocked;
import org.ums.account.UserUpdated;
import org.ums.account.UsersExported;
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
  private final JsonMapper json = JsonMapper.builder().build();

  AuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
  void on(UserLocked event) {
    write(AuditAction.USER_LOCKED, event, Map.of());
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

  private void write(AuditAction action, AccountEvent event, Map<String, Object> details) {
    HttpServletRequest request = currentRequest();
    Actor actor = request == null ? null : actorOf(request);
    String userAgent = request == null ? null : request.getHeader("User-Agent");
    jdbc.sql("""
            insert into audit_events (id, occurred_at, action, actor_id, actor_role, target_id, details, client_ip,
                                      user_agent, request_id)
            values (:id, :occurredAt, :action, :actorId, :actorRole, :targetId, cast(:details as jsonb), :ip,
                    :userAgent, :requestId)""")
        .param("id", UUID.randomUUID())
        .param("occurredAt", Timestamp.from(event.occurredAt() == null ? Instant.now() : event.occurredAt()))
        .param("action", action.code())
        .param("actorId", actor == null ? null : actor.id().value())
        .param("actorRole", actor == null ? null : actor.role().name())
        .param("targetId", event.userId() == null ? null : event.userId().value())
        .param("details", json.writeValueAsString(details))
        .param("ip", request == null ? null : request.getRemoteAddr())
        .param("userAgent", userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(),
            MAX_USER_AGENT)))
        .param("requestId", request == null ? null : (String) request.getAttribute(RequestFacts.ATTRIBUTE))
        .update();
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
