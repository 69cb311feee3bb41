package org.ums.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Pictures made for tests: real files of each format, and hostile ones. */
public final class TestPictures {

  private TestPictures() {
  }

  /** A picture whose middle square is {@code centre} and whose sides are {@code sides}. */
  public static BufferedImage framed(int width, int height, Color centre, Color sides) {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(sides);
    graphics.fillRect(0, 0, width, height);
    graphics.setColor(centre);
    int side = Math.min(width, height);
    graphics.fillRect((width - side) / 2, (height - side) / 2, side, side);
    graphics.dispose();
    return image;
  }

  /** A square JPEG in four quarters: red top left, green top right, blue bottom left, yellow bottom right. */
  public static byte[] quarters(int side) {
    var image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    int half = side / 2;
    graphics.setColor(Color.RED);
    graphics.fillRect(0, 0, half, half);
    graphics.setColor(Color.GREEN);
    graphics.fillRect(half, 0, side - half, half);
    graphics.setColor(Color.BLUE);
    graphics.fillRect(0, half, half, side - half);
    graphics.setColor(Color.YELLOW);
    graphics.fillRect(half, half, side - half, side - half);
    graphics.dispose();
    return encode(image, "jpeg");
  }

  public static byte[] jpeg(int width, int height) {
    return encode(framed(width, height, Color.RED, Color.BLUE), "jpeg");
  }

  public static byte[] png(int width, int height) {
    return encode(framed(width, height, Color.RED, Color.BLUE), "png");
  }

  public static byte[] transparentPng(int side) {
    var image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(0, 255, 0, 128));
    graphics.fillOval(0, 0, side, side);
    graphics.dispose();
    return encode(image, "png");
  }

  public static byte[] encode(BufferedImage image, String format) {
    var out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("No writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A JPEG carrying an EXIF segment with a camera model and a GPS marker, as phones write them. */
  public static byte[] jpegWithExif(int width, int height) {
    return withExif(jpeg(width, height), 1);
  }

  /**
   * {@code jpeg} with an EXIF segment before its other segments: a little-endian TIFF directory holding only
   * the orientation, followed by text that a leak of the metadata would show.
   */
  public static byte[] withExif(byte[] jpeg, int orientation) {
    byte[] text = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0,
        0, 0, 0, 0};
    byte[] secret = "GPSLatitude 51.5007 SecretCamera".getBytes(StandardCharsets.ISO_8859_1);
    int length = 2 + text.length + tiff.length + secret.length;
    ByteBuffer app1 = ByteBuffer.allocate(2 + length);
    app1.put((byte) 0xff).put((byte) 0xe1).putShort((short) length).put(text).put(tiff).put(secret);
    var out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(app1.array(), 0, app1.capacity());
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** An animated GIF: a red frame, then a blue one. */
  public static byte[] animatedGif(int side) {
    var out = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.prepareWriteSequence(null);
      for (Color colour : new Color[] {Color.RED, Color.BLUE}) {
        BufferedImage frame = framed(side, side, colour, colour);
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame),
            null);
        String format = metadata.getNativeMetadataFormatName();
        var root = (IIOMetadataNode) metadata.getAsTree(format);
        var control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", "50");
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        metadata.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(frame, null, metadata), null);
      }
      writer.endWriteSequence();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /**
   * A real PNG of {@code side} by {@code side} black pixels (one bit each) whose data compresses to a few
   * kilobytes: decoding it fully would take side squared pixels of memory.
   */
  public static byte[] decompressionBomb(int side) {
    var png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer header = ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 1).put((byte) 0)
        .put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(png, "IHDR", header.array());
    var data = new ByteArrayOutputStream();
    try (var deflater = new DeflaterOutputStream(data, new Deflater(Deflater.BEST_COMPRESSION))) {
      byte[] row = new byte[1 + (side + 7) / 8];
      for (int y = 0; y < side; y++) {
        deflater.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    chunk(png, "IDAT", data.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    var crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  public static byte[] svgWithScript() {
    return """
        <?xml version="1.0"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
          <script>alert(document.cookie)</script><rect width="100" height="100" fill="red"/>
        </svg>""".getBytes(StandardCharsets.UTF_8);
  }

  /** The first {@code fraction} of a file, as an interrupted upload leaves it. */
  public static byte[] truncated(byte[] file, double fraction) {
    return java.util.Arrays.copyOf(file, (int) (file.length * fraction));
  }

  public static byte[] resource(String name) {
    try (InputStream in = TestPictures.class.getResourceAsStream("/pictures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("No test resource pictures/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new IllegalStateException("Not a picture ImageIO reads");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code needle} occurs in {@code bytes}. */
  public static boolean contains(byte[] bytes, String needle) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(needle);
  }
}
