package org.ums.picture;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on uploaded pictures.
 *
 * @param maxSize the largest upload accepted (413 beyond)
 * @param maxPixels the most pixels (width times height) a picture may have; larger ones are refused from their
 *     header, before they are decoded
 */
@ConfigurationProperties("ums.picture")
public record PictureProperties(@DefaultValue("5MB") DataSize maxSize, @DefaultValue("40000000") long maxPixels) {

  public PictureProperties {
    if (maxSize.toBytes() <= 0) {
      throw new IllegalArgumentException("ums.picture.max-size must be positive");
    }
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("ums.picture.max-pixels must be positive");
    }
  }
}
