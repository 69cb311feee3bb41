package org.ums.picture;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The picture formats accepted, told apart by their first bytes, never by a file name or a header. */
enum ImageFormat {
  JPEG("jpeg"), PNG("png"), GIF("gif"), WEBP("webp");

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final String readerName;

  ImageFormat(String readerName) {
    this.readerName = readerName;
  }

  /** The ImageIO format name whose reader decodes it. */
  String readerName() {
    return readerName;
  }

  static Optional<ImageFormat> detect(byte[] bytes) {
    if (startsWith(bytes, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 0, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"))) {
      return Optional.of(GIF);
    }
    if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] expected) {
    return bytes.length >= offset + expected.length
        && Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
