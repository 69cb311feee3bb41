package org.ums.picture;

import java.util.Arrays;
import java.util.Optional;

/** The square sizes every picture is kept in. */
public enum PictureSize {
  LARGE(512), SMALL(128);

  private final int pixels;

  PictureSize(int pixels) {
    this.pixels = pixels;
  }

  /** The side of the square, in pixels. */
  public int pixels() {
    return pixels;
  }

  /** The size whose side is {@code pixels}, if there is one. */
  public static Optional<PictureSize> ofPixels(int pixels) {
    return Arrays.stream(values()).filter(size -> size.pixels == pixels).findFirst();
  }
}
