package org.ums.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.AbstractAggregateRoot;

/** A user's request for the professional status: pending until a manager or an administrator decides. */
@Entity
@Table(name = "professional_status_requests")
class ProfessionalStatusRequest extends AbstractAggregateRoot<ProfessionalStatusRequest> {

  enum Status {
    PENDING, APPROVED, REJECTED
  }

  @Id
  private UUID id;
  private UUID userId;
  @Enumerated(EnumType.STRING)
  private Status status;
  private String reason;
  private Instant createdAt;
  private Instant decidedAt;
  private UUID decidedBy;
  @Version
  private long version;

  protected ProfessionalStatusRequest() {
  }

  ProfessionalStatusRequest(UserId userId, Instant now) {
    this.id = UUID.randomUUID();
    this.userId = userId.value();
    this.status = Status.PENDING;
    this.createdAt = now;
  }

  void approve(UserId decidedBy, String reason, Instant now) {
    decide(Status.APPROVED, decidedBy, reason, now);
  }

  void reject(UserId decidedBy, String reason, Instant now) {
    decide(Status.REJECTED, decidedBy, reason, now);
    registerEvent(new ProfessionalStatusRequestRejected(userId(), reason, decidedBy, now));
  }

  private void decide(Status decision, UserId by, String why, Instant now) {
    if (status != Status.PENDING) {
      throw new AccountConflictException("professional-request.decided");
    }
    status = decision;
    reason = why;
    decidedBy = by.value();
    decidedAt = now;
  }

  UUID id() {
    return id;
  }

  UserId userId() {
    return UserId.of(userId);
  }

  Status status() {
    return status;
  }

  String reason() {
    return reason;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant decidedAt() {
    return decidedAt;
  }

  UUID decidedBy() {
    return decidedBy;
  }
}
