package org.ums.picture;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An upload made safe: each size re-encoded from the decoded pixels, so nothing of the uploaded file (metadata,
 * trailing bytes, a second image) survives.
 *
 * @param contentType {@code image/jpeg}, or {@code image/png} when the picture has transparency
 * @param renditions the encoded bytes of every {@link PictureSize}
 */
record ProcessedPicture(String contentType, Map<PictureSize, byte[]> renditions) {

  ProcessedPicture {
    if (!renditions.keySet().containsAll(java.util.EnumSet.allOf(PictureSize.class))) {
      throw new IllegalArgumentException("Every size is needed");
    }
    renditions = Collections.unmodifiableMap(new EnumMap<>(renditions));
  }

  /** The file extension that goes with the content type. */
  String extension() {
    return "image/png".equals(contentType) ? "png" : "jpg";
  }
}
