package org.ums.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One audit entry as it is read back.
 *
 * @param actorId who did it; null for an anonymous caller (a registration, failed logins) or the system
 * @param details the facts of the action: changed field names, old and new role, reason; never a secret
 * @param channel {@code api}, {@code console} or {@code system}; null for entries older than the column
 * @param osUser the operating-system user who ran the console command, for channel {@code console}
 */
public record AuditEntry(UUID id, Instant occurredAt, AuditAction action, UUID actorId, String actorRole,
    UUID targetId, Map<String, Object> details, String clientIp, String userAgent, String requestId, String channel,
    String osUser) {
}
