package org.ums.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes emails to the log instead of sending them: the embedded default, when no mail host is configured. */
class LogMailGateway implements MailGateway {

  private static final Logger log = LoggerFactory.getLogger(LogMailGateway.class);

  @Override
  public void send(OutgoingEmail email) {
    log.info("Email to {} (no SPRING_MAIL_HOST, so it is only logged)\nSubject: {}\n\n{}", email.to(),
        email.subject(), email.text());
  }
}
