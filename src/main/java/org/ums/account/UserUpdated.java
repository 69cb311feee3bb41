package org.ums.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's account or profile was edited, by themselves or an administrator.
 *
 * @param changedFields the JSON names of the fields given, never their values (an email or a bio is personal)
 */
public record UserUpdated(UUID eventId, UserId userId, List<String> changedFields, Instant occurredAt)
    implements AccountEvent {

  public UserUpdated {
    eventId = AccountEvent.idOf(eventId, UserUpdated.class, userId, occurredAt);
    changedFields = List.copyOf(changedFields);
  }

  public UserUpdated(UserId userId, List<String> changedFields, Instant occurredAt) {
    this(UUID.randomUUID(), userId, changedFields, occurredAt);
  }
}
