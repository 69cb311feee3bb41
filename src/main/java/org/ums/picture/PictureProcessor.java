package org.ums.picture;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.stereotype.Component;

/**
 * Turns uploaded bytes into the stored sizes: the format is judged by the bytes, the dimensions are read from
 * the header and refused past the pixel limit before any pixel is decoded, only the centre square is decoded,
 * subsampled when large, a decoder's warning (a truncated file) refuses the picture, and each size is a centre-cropped
 * square encoded afresh without metadata (EXIF, GPS, comments are dropped) after the EXIF orientation is
 * applied to the pixels. Only the first frame of an animation is kept.
 */
@Component
class PictureProcessor {

  private static final float JPEG_QUALITY = 0.86f;

  static {
    // No temporary files for image streams, and plug-ins (WebP, CMYK JPEG) found inside the packaged jar too.
    ImageIO.setUseCache(false);
    ImageIO.scanForPlugins();
  }

  private final PictureProperties properties;
  /** One picture at a time per core, from decoding to encoding: a burst of uploads waits instead of filling heap. */
  private final Semaphore decoders = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

  PictureProcessor(PictureProperties properties) {
    this.properties = properties;
  }

  /**
   * The stored sizes of an uploaded picture.
   *
   * @throws InvalidPictureException when the bytes are empty, not JPEG, PNG, GIF or WebP, damaged, or too many
   *     pixels
   */
  ProcessedPicture process(byte[] bytes) {
    if (bytes.length == 0) {
      throw new InvalidPictureException("picture.empty");
    }
    ImageFormat format = ImageFormat.detect(bytes)
        .orElseThrow(() -> new InvalidPictureException("picture.unsupported-format"));
    decoders.acquireUninterruptibly();
    try {
      BufferedImage image = decode(bytes, format);
      if (format == ImageFormat.JPEG) {
        // The centre square decoded turns into itself under every orientation.
        image = ExifOrientation.apply(image, ExifOrientation.of(bytes));
      }
      boolean transparent = image.getColorModel().hasAlpha();
      var renditions = new EnumMap<PictureSize, byte[]>(PictureSize.class);
      for (PictureSize size : PictureSize.values()) {
        renditions.put(size, encode(square(image, size.pixels(), transparent), transparent));
      }
      return new ProcessedPicture(transparent ? "image/png" : "image/jpeg", renditions);
    } finally {
      decoders.release();
    }
  }

  private BufferedImage decode(byte[] bytes, ImageFormat format) {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
      if (!readers.hasNext()) {
        throw new IllegalStateException("No ImageIO reader for " + format);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw new InvalidPictureException("picture.damaged");
        }
        if ((long) width * height > properties.maxPixels()) {
          throw new InvalidPictureException("picture.too-many-pixels", width, height,
              properties.maxPixels() / 1_000_000.0);
        }
        return read(reader, width, height);
      } finally {
        reader.dispose();
      }
    } catch (InvalidPictureException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Whatever a decoder throws on hostile bytes (IIOException, IndexOutOfBounds, IllegalArgument, ...)
      // means the same to the user: this file is not a picture we can read.
      throw new InvalidPictureException("picture.damaged");
    }
  }

  /**
   * Decodes only the centre square, which is all that is kept, subsampled to no less than twice the largest
   * size: a long thin picture costs no more memory than a square one.
   */
  private static BufferedImage read(ImageReader reader, int width, int height) throws IOException {
    int side = Math.min(width, height);
    ImageReadParam param = reader.getDefaultReadParam();
    param.setSourceRegion(new Rectangle((width - side) / 2, (height - side) / 2, side, side));
    int factor = Math.max(1, side / (2 * PictureSize.LARGE.pixels()));
    param.setSourceSubsampling(factor, factor, 0, 0);
    var damaged = new boolean[1];
    reader.addIIOReadWarningListener((source, warning) -> damaged[0] = true);
    BufferedImage image = reader.read(0, param);
    if (damaged[0]) {
      throw new InvalidPictureException("picture.damaged");
    }
    return image;
  }

  /** The centre square of {@code source}, scaled to {@code side}: halved while far larger, then bicubic. */
  static BufferedImage square(BufferedImage source, int side, boolean transparent) {
    int crop = Math.min(source.getWidth(), source.getHeight());
    BufferedImage current = source.getSubimage((source.getWidth() - crop) / 2, (source.getHeight() - crop) / 2,
        crop, crop);
    int currentSide = crop;
    while (currentSide / 2 >= side) {
      currentSide /= 2;
      current = scale(current, currentSide, transparent);
    }
    return scale(current, side, transparent);
  }

  private static BufferedImage scale(BufferedImage source, int side, boolean transparent) {
    var target = new BufferedImage(side, side, transparent ? BufferedImage.TYPE_INT_ARGB
        : BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = target.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      if (!transparent) {
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, side, side);
      }
      graphics.drawImage(source, 0, 0, side, side, null);
    } finally {
      graphics.dispose();
    }
    return target;
  }

  private static byte[] encode(BufferedImage image, boolean transparent) {
    var out = new ByteArrayOutputStream(64 * 1024);
    ImageWriter writer = ImageIO.getImageWritersByFormatName(transparent ? "png" : "jpeg").next();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (!transparent) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
      }
      // No metadata given: the writer emits only what the format needs.
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode a picture in memory", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
