package org.ums.embeddeddatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.ums.UmsApplication;

class MissingDatabaseTests {

  @Test
  void refusesToStartWithoutDatabaseSettingsAndSaysWhatToSet() {
    // Command-line arguments outrank the SPRING_DATASOURCE_URL that CI sets.
    assertThatThrownBy(() -> new SpringApplicationBuilder(UmsApplication.class)
        .run("--spring.datasource.url=", "--ums.embedded-database.enabled=false", "--server.port=0"))
        .isInstanceOf(MissingDatabaseSettingsException.class)
        .satisfies(failure -> {
          FailureAnalysis analysis = new MissingDatabaseSettingsFailureAnalyzer().analyze(failure);
          assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
              "SPRING_DATASOURCE_PASSWORD");
        });
  }
}
