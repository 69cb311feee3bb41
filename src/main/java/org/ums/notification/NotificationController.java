package org.ums.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ums.notification.DeliveryLog.Delivery;
import org.ums.notification.DeliveryLog.DeliveryFilter;
import org.ums.web.Link;

/** The delivery log for administrators: what was sent, what failed and why, and retrying what failed. */
@RestController
@Tag(name = "Notifications")
@RequestMapping("/notifications")
@PreAuthorize("hasRole('ADMIN')")
class NotificationController {

  private final DeliveryLog log;
  private final NotificationLinks links;

  NotificationController(DeliveryLog log, NotificationLinks links) {
    this.log = log;
    this.links = links;
  }

  @GetMapping
  @Operation(summary = "List email deliveries", description = "Newest first, with paging links that keep the "
      + "filters. status: queued, sent, failed, skipped. kind: email_verification, account_locked, "
      + "account_unlocked, role_changed, professional_status_granted, professional_status_revoked, "
      + "professional_status_rejected, invitation, password_reset, password_changed, email_change, email_changed.")
  DeliveryListResponse list(@RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestParam(name = "recipient", required = false) String recipient,
      @RequestParam(name = "skip", defaultValue = "0") @Min(0) long skip,
      @RequestParam(name = "limit", defaultValue = "10") @Min(1) @Max(100) int limit) {
    var filter = new DeliveryFilter(
        parse("status", status, DeliveryStatus::ofCode, Arrays.stream(DeliveryStatus.values())
            .map(DeliveryStatus::code)),
        parse("kind", kind, NotificationKind::ofCode, Arrays.stream(NotificationKind.values())
            .map(NotificationKind::code)),
        Optional.ofNullable(recipient).filter(StringUtils::hasText).map(String::strip));
    var page = log.list(filter, skip, limit);
    return new DeliveryListResponse(page.items().stream().map(this::represent).toList(),
        page.total(), skip / limit + 1, page.items().size(), links.forPage(skip, limit, page.total()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One email delivery", description = "Never its body: a link in it may carry a token.")
  DeliveryResponse get(@PathVariable("id") UUID id) {
    return represent(log.find(id).orElseThrow(DeliveryNotFoundException::new));
  }

  @PostMapping("/{id}/retry")
  @Operation(summary = "Re-queue a failed or skipped delivery",
      description = "202; it is built anew (a fresh verification link) and sent once. Sent or queued: 409.")
  ResponseEntity<DeliveryResponse> retry(@PathVariable("id") UUID id) {
    return ResponseEntity.accepted().body(represent(log.retry(id)));
  }

  private static <T> Optional<T> parse(String parameter, String value,
      Function<String, Optional<T>> parser, Stream<String> allowed) {
    if (!StringUtils.hasText(value)) {
      return Optional.empty();
    }
    return Optional.of(parser.apply(value.strip()).orElseThrow(() ->
        new InvalidDeliveryFilterException(parameter, allowed.collect(Collectors.joining(", ")))));
  }

  private DeliveryResponse represent(Delivery delivery) {
    return new DeliveryResponse(delivery.id(), delivery.kind(), delivery.status().code(), delivery.recipient(),
        delivery.subject(), delivery.attempts(), delivery.lastError(), delivery.eventId(), delivery.userId(),
        delivery.createdAt(), delivery.updatedAt(), delivery.lastAttemptAt(), delivery.nextAttemptAt(),
        delivery.sentAt(), links.forDelivery(delivery));
  }

  /** One email in the delivery log. Its body is not kept: a link in it may carry a token. */
  record DeliveryResponse(UUID id, String kind, String status, String recipient, String subject, int attempts,
      String lastError, UUID eventId, UUID userId, Instant createdAt, Instant updatedAt, Instant lastAttemptAt,
      Instant nextAttemptAt, Instant sentAt, List<Link> links) {
  }

  /** A page of the delivery log, newest first; {@code page} counts from 1. */
  record DeliveryListResponse(List<DeliveryResponse> items, long total, long page, int size, List<Link> links) {
  }
}
