package org.ums.embeddeddatabase;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing database configuration into a message that says what to set. */
class MissingDatabaseSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingDatabaseSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingDatabaseSettingsException cause) {
    String description = cause.embeddedRequestedButAbsent()
        ? "UMS was asked for its embedded PostgreSQL, which is only part of the development build."
        : "UMS needs a PostgreSQL database and none is configured.";
    String action = """
        Set SPRING_DATASOURCE_URL (for example jdbc:postgresql://localhost:5432/ums), \
        SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, \
        or run `./mvnw spring-boot:run` for the embedded development database.""";
    return new FailureAnalysis(description, action, cause);
  }
}
