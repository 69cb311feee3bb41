package org.ums.notification;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing mail host into a message that says what to set. */
class MissingMailSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingMailSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingMailSettingsException cause) {
    return new FailureAnalysis("UMS sends verification, reset and notification emails, and no mail host is set.",
        """
        Set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD as your server needs), \
        or UMS_MAIL_LOG_ONLY=true to run without sending emails (each is then only noted in the log, without its \
        text), or run `./mvnw spring-boot:run`, whose dev profile logs whole emails.""", cause);
  }
}
