package org.ums.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The hash of one verification link sent to a user; the link itself is never stored. */
@Entity
@Table(name = "email_verification_tokens")
class EmailVerificationToken {

  @Id
  private UUID id;
  private UUID userId;
  private byte[] tokenHash;
  private Instant expiresAt;
  private Instant createdAt;

  protected EmailVerificationToken() {
  }

  EmailVerificationToken(UserId userId, byte[] tokenHash, Instant expiresAt, Instant now) {
    this.id = UUID.randomUUID();
    this.userId = userId.value();
    this.tokenHash = tokenHash.clone();
    this.expiresAt = expiresAt;
    this.createdAt = now;
  }
}
