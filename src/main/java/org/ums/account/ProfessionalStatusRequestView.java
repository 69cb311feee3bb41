package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/** A request for the professional status as callers see it, with the requester's nickname. */
public record ProfessionalStatusRequestView(UUID id, UserId userId, String nickname, Role requesterRole,
    String status, String reason, Instant createdAt, Instant decidedAt, UUID decidedBy) {

  public boolean isPending() {
    return status.equals("pending");
  }

  /** Whether the actor may approve or reject it: a pending request of a user the actor manages. */
  public boolean mayBeDecidedBy(Actor actor) {
    return isPending() && AccountRules.permissions(actor, requesterRole).update();
  }
}
