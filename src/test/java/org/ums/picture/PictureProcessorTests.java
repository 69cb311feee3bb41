package org.ums.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;
import org.ums.support.TestPictures;

class PictureProcessorTests {

  private final PictureProcessor processor = new PictureProcessor(new PictureProperties(DataSize.ofMegabytes(5),
      40_000_000));

  @Test
  void storesCentreCroppedSquaresOfEverySize() {
    ProcessedPicture picture = processor.process(TestPictures.jpeg(900, 300));

    assertThat(picture.contentType()).isEqualTo("image/jpeg");
    for (PictureSize size : PictureSize.values()) {
      BufferedImage image = TestPictures.decode(picture.renditions().get(size));
      assertThat(image.getWidth()).isEqualTo(size.pixels());
      assertThat(image.getHeight()).isEqualTo(size.pixels());
      // The blue sides are cropped away: even the corners are the red centre.
      assertThat(isReddish(image.getRGB(2, 2))).isTrue();
      assertThat(isReddish(image.getRGB(size.pixels() - 3, size.pixels() - 3))).isTrue();
    }
  }

  @Test
  void enlargesSmallPicturesToTheStoredSizes() {
    ProcessedPicture picture = processor.process(TestPictures.png(40, 30));

    assertThat(TestPictures.decode(picture.renditions().get(PictureSize.LARGE)).getWidth()).isEqualTo(512);
  }

  @Test
  void dropsExifAndGpsMetadata() {
    byte[] upload = TestPictures.jpegWithExif(640, 480);
    assertThat(TestPictures.contains(upload, "GPSLatitude")).isTrue();

    ProcessedPicture picture = processor.process(upload);

    for (byte[] rendition : picture.renditions().values()) {
      assertThat(TestPictures.contains(rendition, "Exif")).isFalse();
      assertThat(TestPictures.contains(rendition, "GPSLatitude")).isFalse();
      assertThat(TestPictures.contains(rendition, "SecretCamera")).isFalse();
    }
  }

  /**
   * A square stored with four coloured quarters, and the quarters that the EXIF specification puts at the top
   * left and top right when it is shown with each orientation.
   */
  @ParameterizedTest(name = "orientation {0}")
  @CsvSource({"1, RED, GREEN", "2, GREEN, RED", "3, YELLOW, BLUE", "4, BLUE, YELLOW", "5, RED, BLUE",
      "6, BLUE, RED", "7, YELLOW, GREEN", "8, GREEN, YELLOW"})
  void turnsThePixelsAsTheExifOrientationSaysBeforeDroppingIt(int orientation, String topLeft, String topRight) {
    byte[] stored = TestPictures.withExif(TestPictures.quarters(400), orientation);

    BufferedImage shown = TestPictures.decode(processor.process(stored).renditions().get(PictureSize.LARGE));

    assertThat(colourAt(shown, 60, 60)).isEqualTo(topLeft);
    assertThat(colourAt(shown, 450, 60)).isEqualTo(topRight);
  }

  @Test
  void decodesOnlyTheCentreOfALongThinPicture() {
    ProcessedPicture picture = processor.process(TestPictures.png(120, 24_000));

    BufferedImage image = TestPictures.decode(picture.renditions().get(PictureSize.LARGE));
    assertThat(isReddish(image.getRGB(3, 3))).isTrue();
    assertThat(isReddish(image.getRGB(508, 508))).isTrue();
  }

  @Test
  void keepsTheFirstFrameOfAnAnimatedGif() {
    ProcessedPicture picture = processor.process(TestPictures.animatedGif(64));

    BufferedImage image = TestPictures.decode(picture.renditions().get(PictureSize.SMALL));
    assertThat(isReddish(image.getRGB(64, 64))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gradient-lossy.webp", "gradient-lossless.webp"})
  void readsWebp(String name) {
    ProcessedPicture picture = processor.process(TestPictures.resource(name));

    assertThat(TestPictures.decode(picture.renditions().get(PictureSize.LARGE)).getHeight()).isEqualTo(512);
  }

  @Test
  void keepsTransparencyAsPng() {
    ProcessedPicture picture = processor.process(TestPictures.transparentPng(200));

    assertThat(picture.contentType()).isEqualTo("image/png");
    BufferedImage image = TestPictures.decode(picture.renditions().get(PictureSize.LARGE));
    assertThat(image.getColorModel().hasAlpha()).isTrue();
    assertThat(image.getRGB(0, 0) >>> 24).isZero();
  }

  @Test
  void refusesEmptyFiles() {
    assertRefused(new byte[0], "picture.empty");
  }

  @Test
  void refusesWhatIsNotAPictureOfAnAcceptedFormat() {
    assertRefused(TestPictures.svgWithScript(), "picture.unsupported-format");
    assertRefused("just some text".getBytes(), "picture.unsupported-format");
    assertRefused(TestPictures.encode(TestPictures.framed(20, 20, Color.RED, Color.RED), "bmp"),
        "picture.unsupported-format");
  }

  @Test
  void refusesTruncatedPictures() {
    assertRefused(TestPictures.truncated(TestPictures.png(300, 200), 0.5), "picture.damaged");
    assertRefused(TestPictures.truncated(TestPictures.jpeg(300, 200), 0.5), "picture.damaged");
    assertRefused(TestPictures.truncated(TestPictures.animatedGif(64), 0.3), "picture.damaged");
    assertRefused(TestPictures.truncated(TestPictures.resource("gradient-lossy.webp"), 0.6), "picture.damaged");
    assertRefused(Arrays.copyOf(TestPictures.png(10, 10), 12), "picture.damaged");
  }

  @Test
  void refusesDecompressionBombsFromTheirHeader() {
    byte[] bomb = TestPictures.decompressionBomb(20_000);
    assertThat(bomb.length).isLessThan(100_000);

    assertRefused(bomb, "picture.too-many-pixels");
  }

  @Test
  void acceptsPicturesAtThePixelLimit() {
    var tight = new PictureProcessor(new PictureProperties(DataSize.ofMegabytes(5), 600 * 400));

    assertThat(tight.process(TestPictures.png(600, 400)).renditions()).hasSize(2);
    assertThatThrownBy(() -> tight.process(TestPictures.png(601, 400)))
        .isInstanceOfSatisfying(InvalidPictureException.class,
            e -> assertThat(e.messageKey()).isEqualTo("picture.too-many-pixels"));
  }

  private void assertRefused(byte[] upload, String messageKey) {
    assertThatThrownBy(() -> processor.process(upload))
        .isInstanceOfSatisfying(InvalidPictureException.class, e -> assertThat(e.messageKey()).isEqualTo(messageKey));
  }

  private static String colourAt(BufferedImage image, int x, int y) {
    int rgb = image.getRGB(x, y);
    boolean red = ((rgb >> 16) & 0xff) > 200;
    boolean green = ((rgb >> 8) & 0xff) > 200;
    boolean blue = (rgb & 0xff) > 200;
    if (red && green && !blue) {
      return "YELLOW";
    }
    if (red && !green && !blue) {
      return "RED";
    }
    if (green && !red && !blue) {
      return "GREEN";
    }
    return blue && !red && !green ? "BLUE" : "MIXED " + Integer.toHexString(rgb);
  }

  private static boolean isReddish(int rgb) {
    int red = (rgb >> 16) & 0xff;
    int blue = rgb & 0xff;
    return red > 200 && blue < 60;
  }
}
