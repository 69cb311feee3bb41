package org.ums.picture.web;

import java.time.Instant;
import java.util.List;
import org.ums.web.Link;

/**
 * A user's picture as the API shows it.
 *
 * @param profilePictureUrl the 512 by 512 picture, now the user's {@code profile_picture_url}
 * @param thumbnailUrl the 128 by 128 picture
 */
record PictureResponse(String profilePictureUrl, String thumbnailUrl, String contentType, Instant createdAt,
    List<Link> links) {
}
