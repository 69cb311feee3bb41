package org.ums.account;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Someone exported the user list; {@code userId} is null (the export concerns many users).
 *
 * @param filters the query parameters the export was filtered with, as given
 */
public record UsersExported(UUID eventId, UserId userId, UserId exportedBy, Map<String, String> filters,
    Instant occurredAt) implements AccountEvent {

  public UsersExported {
    eventId = AccountEvent.idOf(eventId, UsersExported.class, userId, occurredAt);
    filters = Map.copyOf(filters);
  }

  public UsersExported(UserId exportedBy, Map<String, String> filters, Instant occurredAt) {
    this(UUID.randomUUID(), null, exportedBy, filters, occurredAt);
  }
}
