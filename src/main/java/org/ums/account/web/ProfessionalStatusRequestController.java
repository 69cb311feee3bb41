package org.ums.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.ums.account.Actor;
import org.ums.account.ProfessionalStatusRequestView;
import org.ums.account.ProfessionalStatusRequests;
import org.ums.web.Link;

/** Asking for the professional status, and deciding such requests. */
@RestController
@Tag(name = "Professional status")
class ProfessionalStatusRequestController {

  private static final String ADMINISTRATORS = "hasAnyRole('MANAGER', 'ADMIN')";

  private final ProfessionalStatusRequests requests;

  ProfessionalStatusRequestController(ProfessionalStatusRequests requests) {
    this.requests = requests;
  }

  @PostMapping("/users/me/professional-status-requests")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Ask for the professional status", description = "Only with a complete profile: first "
      + "and last name, bio, and a LinkedIn or GitHub URL; otherwise 422 naming what is missing.")
  ResponseEntity<RequestResponse> ask(@AuthenticationPrincipal Actor actor) {
    var request = requests.request(actor);
    RequestResponse body = represent(actor, request);
    return ResponseEntity.created(URI.create(body.links().get(0).href())).body(body);
  }

  @GetMapping("/professional-status-requests")
  @PreAuthorize(ADMINISTRATORS)
  @Operation(summary = "List requests for the professional status", description = "status: pending (default), "
      + "approved or rejected; oldest first, with paging links.")
  RequestListResponse list(@AuthenticationPrincipal Actor actor,
      @RequestParam(name = "status", defaultValue = "pending") String status,
      @RequestParam(name = "skip", defaultValue = "0") @Min(0) long skip,
      @RequestParam(name = "limit", defaultValue = "10") @Min(1) @Max(100) int limit) {
    var page = requests.list(actor, status, skip, limit);
    return new RequestListResponse(page.items().stream().map(request -> represent(actor, request)).toList(),
        page.total(), skip / limit + 1, page.items().size(),
        Link.forPage(ServletUriComponentsBuilder.fromCurrentRequest(), skip, limit, page.total()));
  }

  @GetMapping("/professional-status-requests/{id}")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "One request", description = "For managers and administrators, and for its requester.")
  RequestResponse get(@AuthenticationPrincipal Actor actor, @PathVariable("id") UUID id) {
    return represent(actor, requests.get(actor, id));
  }

  @PostMapping("/professional-status-requests/{id}/approve")
  @PreAuthorize(ADMINISTRATORS)
  @Operation(summary = "Approve a request", description = "Grants the status; the user is emailed. An optional "
      + "reason is kept with the decision.")
  RequestResponse approve(@AuthenticationPrincipal Actor actor, @PathVariable("id") UUID id,
      @RequestBody(required = false) DecisionRequest decision) {
    return represent(actor, requests.approve(actor, id, decision == null ? null : decision.reason()));
  }

  @PostMapping("/professional-status-requests/{id}/reject")
  @PreAuthorize(ADMINISTRATORS)
  @Operation(summary = "Reject a request", description = "The reason is required: the user is emailed it.")
  RequestResponse reject(@AuthenticationPrincipal Actor actor, @PathVariable("id") UUID id,
      @RequestBody(required = false) DecisionRequest decision) {
    return represent(actor, requests.reject(actor, id, decision == null ? null : decision.reason()));
  }

  private static RequestResponse represent(Actor actor, ProfessionalStatusRequestView request) {
    var base = ServletUriComponentsBuilder.fromCurrentContextPath();
    String href = base.cloneBuilder().path("/professional-status-requests/{id}").buildAndExpand(request.id())
        .toUriString();
    var links = new ArrayList<Link>(3);
    links.add(Link.get("self", href));
    if (request.mayBeDecidedBy(actor)) {
      links.add(new Link("approve", href + "/approve", "POST", "approve"));
      links.add(new Link("reject", href + "/reject", "POST", "reject"));
    }
    return new RequestResponse(request.id(), request.userId().value(), request.nickname(), request.status(),
        request.reason(), request.createdAt(), request.decidedAt(), request.decidedBy(), links);
  }

  /** A decision's reason, optional to approve and required to reject. */
  record DecisionRequest(String reason) {
  }

  record RequestResponse(UUID id, UUID userId, String nickname, String status, String reason, Instant createdAt,
      Instant decidedAt, UUID decidedBy, List<Link> links) {
  }

  record RequestListResponse(List<RequestResponse> items, long total, long page, int size, List<Link> links) {
  }
}
