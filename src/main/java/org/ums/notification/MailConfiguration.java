package org.ums.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  /**
   * SMTP when Boot configured a mail sender (a mail host is set); otherwise the log, with whole emails in the
   * {@code dev} profile and only their subjects when {@code UMS_MAIL_LOG_ONLY=true}; otherwise no start.
   */
  @Bean
  MailGateway mailGateway(ObjectProvider<JavaMailSender> sender, NotificationProperties properties,
      Environment environment) {
    JavaMailSender smtp = sender.getIfAvailable();
    // SPRING_MAIL_HOST set to nothing makes Boot configure a sender without a host: that is no mail host.
    if (smtp instanceof JavaMailSenderImpl configured && configured.getHost() != null
        && !configured.getHost().isBlank()) {
      return new SmtpMailGateway(configured, properties.from());
    }
    if (smtp != null && !(smtp instanceof JavaMailSenderImpl)) {
      throw new IllegalStateException("Mail is sent through Spring Boot's own mail sender; found " + smtp.getClass());
    }
    if (environment.matchesProfiles("dev")) {
      return new LogMailGateway(true);
    }
    if (properties.mailLogOnly()) {
      return new LogMailGateway(false);
    }
    throw new MissingMailSettingsException();
  }
}
