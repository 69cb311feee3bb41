package org.ums.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.ums.audit.AuditAction;
import org.ums.audit.AuditEntry;
import org.ums.audit.AuditLog;
import org.ums.audit.AuditQuery;
import org.ums.web.Link;

/** The audit log, for administrators: read only, as the database keeps it. */
@RestController
@RequestMapping("/audit-events")
@Tag(name = "Audit")
class AuditController {

  private final AuditLog log;

  AuditController(AuditLog log) {
    this.log = log;
  }

  @GetMapping
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Audit events", description = "ADMIN only; newest first. Filters: `actor` and `target` "
      + "(user ids), `action` (user_created, user_updated, user_deleted, role_changed, user_locked, user_unlocked, "
      + "professional_status_changed, users_exported, email_verified, refresh_token_reused), `from` (inclusive) "
      + "and `to` (exclusive), ISO 8601 instants.")
  AuditListResponse list(@RequestParam(name = "actor", required = false) UUID actor,
      @RequestParam(name = "target", required = false) UUID target,
      @RequestParam(name = "action", required = false) String action,
      @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
      @RequestParam(name = "skip", defaultValue = "0") @Min(0) long skip,
      @RequestParam(name = "limit", defaultValue = "10") @Min(1) @Max(100) int limit) {
    AuditAction wanted = action == null || action.isBlank() ? null : AuditAction.ofCode(action)
        .orElseThrow(() -> new UnknownActionException(action));
    var page = log.page(new AuditQuery(actor, target, wanted, from, to), skip, limit);
    var list = ServletUriComponentsBuilder.fromCurrentRequest();
    return new AuditListResponse(page.items().stream().map(AuditEventResponse::from).toList(), page.total(),
        skip / limit + 1, page.items().size(), Link.forPage(list, skip, limit, page.total()));
  }

  /** An {@code action} that is none of {@link AuditAction}'s codes. */
  static final class UnknownActionException extends RuntimeException {

    UnknownActionException(String action) {
      super("Unknown audit action", null, false, false);
    }

    static String codes() {
      return String.join(", ", Arrays.stream(AuditAction.values()).map(AuditAction::code).toList());
    }
  }

  /** A page of audit events. */
  record AuditListResponse(List<AuditEventResponse> items, long total, long page, int size, List<Link> links) {
  }

  /** One audit event as the API shows it. */
  record AuditEventResponse(UUID id, Instant occurredAt, String action, UUID actorId, String actorRole,
      UUID targetId, Map<String, Object> details, String clientIp, String userAgent, String requestId,
      String channel, String osUser) {

    static AuditEventResponse from(AuditEntry entry) {
      return new AuditEventResponse(entry.id(), entry.occurredAt(), entry.action().code(), entry.actorId(),
          entry.actorRole(), entry.targetId(), entry.details(), entry.clientIp(), entry.userAgent(),
          entry.requestId(), channel(entry), entry.osUser());
    }

    /** Entries older than the channel column came through the API when they have a client address. */
    private static String channel(AuditEntry entry) {
      if (entry.channel() != null) {
        return entry.channel();
      }
      return entry.clientIp() != null ? "api" : "system";
    }
  }
}
