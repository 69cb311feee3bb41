package org.ums.account;

import java.time.Instant;
import java.util.List;

/**
 * Accounts were opened in bulk from an operator's file, in one transaction: one event for the batch, so that the
 * audit log can record them with batched statements too. Not an {@link AccountEvent}: an import sends no email
 * by itself ({@link InvitationRequested} asks for one per account).
 */
public record UsersImported(List<UserId> userIds, Instant occurredAt) {

  public UsersImported {
    userIds = List.copyOf(userIds);
  }
}
