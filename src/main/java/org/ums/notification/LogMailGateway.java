package org.ums.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes emails to the log instead of sending them, when no mail host is configured: whole emails in the {@code dev}
 * profile, where the developer follows the links from the log; elsewhere ({@code UMS_MAIL_LOG_ONLY=true}) only that
 * an email would have gone, without its text, whose links carry tokens, and without the whole address.
 */
class LogMailGateway implements MailGateway {

  private static final Logger log = LoggerFactory.getLogger(LogMailGateway.class);

  private final boolean wholeEmails;

  LogMailGateway(boolean wholeEmails) {
    this.wholeEmails = wholeEmails;
  }

  @Override
  public void send(OutgoingEmail email) {
    if (wholeEmails) {
      log.info("Email to {} (no SPRING_MAIL_HOST, so it is only logged)\nSubject: {}\n\n{}", email.to(),
          email.subject(), email.text());
    } else {
      log.info("Email to {} not sent (no SPRING_MAIL_HOST, UMS_MAIL_LOG_ONLY=true): {}", masked(email.to()),
          email.subject());
    }
  }

  /** {@code a***@example.com}: enough to tell emails apart, not enough to learn who has an account. */
  static String masked(String address) {
    int at = address.lastIndexOf('@');
    return at < 1 ? "***" : address.charAt(0) + "***" + address.substring(at);
  }
}
