package org.ums.notification;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.ums.account.UserId;

/**
 * An email the service decided to send because of an event: to whom, of which kind, and the facts it states.
 * Its key, the event id and the kind, is the same each time the event is delivered, so it is sent once.
 *
 * @param facts what the email states besides the recipient (e.g. the old and the new role); never a secret
 */
record Notification(NotificationKind kind, UUID eventId, UserId userId, Map<String, String> facts) {

  Notification {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(userId, "userId");
    facts = Map.copyOf(facts);
  }

  String key() {
    return eventId + ":" + kind.code();
  }
}
