package org.ums.picture;

import java.util.UUID;

/**
 * The bytes of one size of a picture, ready to be served.
 *
 * @param pictureId the picture's id; it changes whenever the picture does
 */
public record PictureContent(UUID pictureId, PictureSize size, String contentType, byte[] bytes) {
}
