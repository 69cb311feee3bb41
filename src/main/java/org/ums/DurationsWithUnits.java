package org.ums;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;

/**
 * Reads every duration setting, and refuses one without a unit: Spring would take {@code UMS_AUDIT_RETENTION=730}
 * for 730 milliseconds, and a retention job would then wipe what it was meant to keep. A duration is a number with
 * a unit ({@code 30s}, {@code 15m}, {@code 24h}, {@code 730d}) or ISO 8601 ({@code PT12H}); {@code 0} is zero in any
 * unit; an empty value leaves the setting at its default.
 */
final class DurationsWithUnits implements Converter<String, Duration> {

  /**
   * Spring Boot's conversions with this one in place of its own for durations. As the application context's
   * {@code conversionService} it is the only one that binds settings: a converter added beside Boot's would fail and
   * leave Boot's to read the bare number after all.
   */
  static ConversionService conversionService() {
    var conversions = new ApplicationConversionService();
    conversions.removeConvertible(String.class, Duration.class);
    conversions.addConverter(String.class, Duration.class, new DurationsWithUnits());
    return conversions;
  }

  private static final Pattern BARE_NUMBER = Pattern.compile("[-+]?\\d+");

  @Override
  public Duration convert(String source) {
    String value = source.strip();
    if (value.isEmpty()) {
      return null;
    }
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    if (BARE_NUMBER.matcher(value).matches()) {
      throw new IllegalArgumentException("'" + value + "' has no unit: write " + value + "s, " + value + "m, "
          + value + "h or " + value + "d (or ISO 8601, such as PT12H)");
    }
    return DurationStyle.detectAndParse(value);
  }
}
