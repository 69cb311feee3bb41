package org.ums.picture;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The EXIF orientation of a JPEG (TIFF tag 274), which cameras and phones set instead of turning the pixels.
 * Metadata is dropped when a picture is re-encoded, so the turn it asks for is applied to the pixels first;
 * otherwise most phone portraits would be stored on their side. Anything unexpected reads as {@link #AS_STORED}.
 */
final class ExifOrientation {

  static final int AS_STORED = 1;
  private static final int ORIENTATION_TAG = 0x0112;
  private static final int SHORT = 3;

  private ExifOrientation() {
  }

  /** The orientation, 1 to 8, found in the JPEG's first EXIF segment; 1 when there is none. */
  static int of(byte[] jpeg) {
    try {
      ByteBuffer bytes = ByteBuffer.wrap(jpeg).order(ByteOrder.BIG_ENDIAN);
      int position = 2;
      while (position + 4 <= jpeg.length && (jpeg[position] & 0xff) == 0xff) {
        int marker = jpeg[position + 1] & 0xff;
        if (marker == 0xda || marker == 0xd9) {
          return AS_STORED;
        }
        int length = bytes.getShort(position + 2) & 0xffff;
        if (marker == 0xe1 && isExif(jpeg, position + 4)) {
          return fromTiff(jpeg, position + 10, position + 2 + length);
        }
        position += 2 + length;
      }
      return AS_STORED;
    } catch (IndexOutOfBoundsException e) {
      return AS_STORED;
    }
  }

  private static boolean isExif(byte[] jpeg, int at) {
    return at + 6 <= jpeg.length && jpeg[at] == 'E' && jpeg[at + 1] == 'x' && jpeg[at + 2] == 'i'
        && jpeg[at + 3] == 'f' && jpeg[at + 4] == 0 && jpeg[at + 5] == 0;
  }

  private static int fromTiff(byte[] jpeg, int start, int end) {
    ByteBuffer tiff = ByteBuffer.wrap(jpeg, 0, Math.min(end, jpeg.length));
    if (jpeg[start] == 'I' && jpeg[start + 1] == 'I') {
      tiff.order(ByteOrder.LITTLE_ENDIAN);
    } else if (jpeg[start] != 'M' || jpeg[start + 1] != 'M') {
      return AS_STORED;
    }
    int directory = start + tiff.getInt(start + 4);
    int entries = tiff.getShort(directory) & 0xffff;
    for (int i = 0; i < entries; i++) {
      int entry = directory + 2 + 12 * i;
      if ((tiff.getShort(entry) & 0xffff) == ORIENTATION_TAG && (tiff.getShort(entry + 2) & 0xffff) == SHORT) {
        int orientation = tiff.getShort(entry + 8) & 0xffff;
        return orientation >= 1 && orientation <= 8 ? orientation : AS_STORED;
      }
    }
    return AS_STORED;
  }

  /** The picture as it is meant to be seen: flipped and turned as {@code orientation} says. */
  static BufferedImage apply(BufferedImage source, int orientation) {
    if (orientation <= AS_STORED || orientation > 8) {
      return source;
    }
    int width = source.getWidth();
    int height = source.getHeight();
    boolean swapped = orientation >= 5;
    var target = new BufferedImage(swapped ? height : width, swapped ? width : height,
        source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    for (int v = 0; v < target.getHeight(); v++) {
      for (int u = 0; u < target.getWidth(); u++) {
        int x;
        int y;
        switch (orientation) {
          case 2 -> { x = width - 1 - u; y = v; }
          case 3 -> { x = width - 1 - u; y = height - 1 - v; }
          case 4 -> { x = u; y = height - 1 - v; }
          case 5 -> { x = v; y = u; }
          case 6 -> { x = v; y = height - 1 - u; }
          case 7 -> { x = width - 1 - v; y = height - 1 - u; }
          default -> { x = width - 1 - v; y = u; }
        }
        target.setRGB(u, v, source.getRGB(x, y));
      }
    }
    return target;
  }
}
