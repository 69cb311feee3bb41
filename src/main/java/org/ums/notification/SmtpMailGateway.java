package org.ums.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends through the SMTP server of {@code SPRING_MAIL_HOST}, as a multipart/alternative message. Connections
 * are kept open and reused (up to {@value #MESSAGES_PER_CONNECTION} messages each, closed after
 * {@value #IDLE_MILLIS} ms idle), which spares each email a connection, a greeting, an EHLO and a QUIT, and a
 * TLS handshake when the server uses one. A reused connection the server has dropped is replaced at once.
 */
class SmtpMailGateway implements MailGateway, AutoCloseable {

  static final int MESSAGES_PER_CONNECTION = 50;
  static final long IDLE_MILLIS = 20_000;
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    // jakarta.mail-api 2.1 looks its stream provider up with a ServiceLoader, scanning every jar of the class
    // path, for each body part it creates: about 0.4 ms of CPU per email here. Naming the provider (Angus's,
    // the one that lookup finds) skips the scan, unless the operator named another.
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private final JavaMailSenderImpl sender;
  private final String from;
  private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

  SmtpMailGateway(JavaMailSenderImpl sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public void send(OutgoingEmail email) {
    MimeMessage message = build(email);
    for (Connection reused = idle.pollFirst(); reused != null; reused = idle.pollFirst()) {
      if (reused.isStale()) {
        reused.close();
        continue;
      }
      try {
        reused.send(message);
        release(reused);
        return;
      } catch (MessagingException e) {
        reused.close();
        if (isPermanentRefusal(e)) {
          throw new MailSendException("The SMTP server refused the email to " + email.to(), e);
        }
        // The server dropped the idle connection (EOF, or 421 "closing"), or answered something worth trying
        // again: a fresh connection follows.
      }
    }
    Connection fresh = open();
    try {
      fresh.send(message);
      release(fresh);
    } catch (MessagingException e) {
      fresh.close();
      throw new MailSendException("The email to " + email.to() + " was not sent", e);
    }
  }

  private MimeMessage build(OutgoingEmail email) {
    var message = sender.createMimeMessage();
    try {
      var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(email.to());
      helper.setSubject(email.subject());
      helper.setText(email.text(), email.html());
      message.saveChanges();
    } catch (MessagingException e) {
      throw new MailPreparationException("The email to " + email.to() + " cannot be built", e);
    }
    return message;
  }

  private Connection open() {
    try {
      Transport transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp"
          : sender.getProtocol());
      transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
      return new Connection(transport);
    } catch (MessagingException e) {
      throw new MailSendException("Cannot connect to the SMTP server " + sender.getHost() + ":" + sender.getPort(),
          e);
    }
  }

  private void release(Connection connection) {
    if (connection.sent < MESSAGES_PER_CONNECTION) {
      idle.offerFirst(connection);
    } else {
      connection.close();
    }
  }

  /** The server refused this very message with a 5xx reply: a fresh connection would be refused alike. */
  private static boolean isPermanentRefusal(MessagingException failure) {
    for (Exception e = failure; e != null;
        e = e instanceof MessagingException messaging ? messaging.getNextException() : null) {
      int code = e instanceof SMTPAddressFailedException address ? address.getReturnCode()
          : e instanceof SMTPSenderFailedException sender ? sender.getReturnCode()
          : e instanceof SMTPSendFailedException send ? send.getReturnCode() : -1;
      if (code >= 500 && code < 600) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
      connection.close();
    }
  }

  private static final class Connection {

    private final Transport transport;
    private int sent;
    private long lastUsed = System.nanoTime();

    Connection(Transport transport) {
      this.transport = transport;
    }

    void send(MimeMessage message) throws MessagingException {
      transport.sendMessage(message, message.getAllRecipients());
      sent++;
      lastUsed = System.nanoTime();
    }

    boolean isStale() {
      return System.nanoTime() - lastUsed > IDLE_MILLIS * 1_000_000;
    }

    void close() {
      try {
        transport.close();
      } catch (MessagingException e) {
        // Closing a connection that already broke: nothing to do.
      }
    }
  }
}
