package org.ums.picture;

import java.time.Instant;
import java.util.UUID;
import org.ums.account.UserId;

/**
 * A user's current picture.
 *
 * @param path where it is served, relative to the service's URL; {@code ?size=128} gives the small size
 */
public record PictureView(UUID id, UserId userId, String path, String contentType, Instant createdAt) {

  static PictureView of(ProfilePicture picture) {
    return new PictureView(picture.id(), picture.userId(), picture.path(), picture.contentType(),
        picture.createdAt());
  }
}
