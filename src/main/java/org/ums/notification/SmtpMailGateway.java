package org.ums.notification;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends through the SMTP server of {@code SPRING_MAIL_HOST}, as a multipart/alternative message. */
class SmtpMailGateway implements MailGateway {

  private final JavaMailSender sender;
  private final String from;

  SmtpMailGateway(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public void send(OutgoingEmail email) {
    var message = sender.createMimeMessage();
    try {
      var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(email.to());
      helper.setSubject(email.subject());
      helper.setText(email.text(), email.html());
    } catch (MessagingException e) {
      throw new MailPreparationException("The email to " + email.to() + " cannot be built", e);
    }
    sender.send(message);
  }
}
