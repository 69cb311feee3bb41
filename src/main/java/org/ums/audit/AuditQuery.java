package org.ums.audit;

import java.time.Instant;
import java.util.UUID;

/** Filters of the audit log, each optional; {@code from} is inclusive and {@code to} exclusive. */
public record AuditQuery(UUID actor, UUID target, AuditAction action, Instant from, Instant to) {
}
