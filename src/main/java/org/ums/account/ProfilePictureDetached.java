package org.ums.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrator's edit replaced or cleared a picture that this service kept for the user, so whoever keeps
 * it may forget it.
 *
 * @param picturePath the path of the picture no longer used, such as {@code /pictures/<id>}
 */
public record ProfilePictureDetached(UUID eventId, UserId userId, String picturePath, Instant occurredAt)
    implements AccountEvent {

  public ProfilePictureDetached {
    eventId = AccountEvent.idOf(eventId, ProfilePictureDetached.class, userId, occurredAt);
  }

  public ProfilePictureDetached(UserId userId, String picturePath, Instant occurredAt) {
    this(UUID.randomUUID(), userId, picturePath, occurredAt);
  }
}
