package org.ums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A duration setting without a unit is refused at start-up, never read as milliseconds. */
class DurationSettingsTests {

  @Test
  void theServiceRefusesToStartWithARetentionWithoutAUnitAndSaysWhichSettingAndHowToWriteIt() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(UmsApplication.class).profiles("test")
        .run("--server.port=0", "--ums.audit.retention=730").close())
        .satisfies(failure -> assertThat(causes(failure))
            .contains("Failed to bind properties under 'ums.audit.retention'")
            .contains("'730' has no unit: write 730s, 730m, 730h or 730d"));
  }

  private static String causes(Throwable failure) {
    var all = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      all.append(cause.getMessage()).append('\n');
    }
    return all.toString();
  }

  @Test
  void durationsWithAUnitOrInIso8601AreRead() {
    var durations = new DurationsWithUnits();

    assertThat(durations.convert("730d")).isEqualTo(Duration.ofDays(730));
    assertThat(durations.convert("PT12H")).isEqualTo(Duration.ofHours(12));
    assertThat(durations.convert(" 30s ")).isEqualTo(Duration.ofSeconds(30));
    assertThat(durations.convert("")).isNull();
    assertThat(durations.convert("0")).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> durations.convert("-5")).hasMessageContaining("has no unit");
  }
}
