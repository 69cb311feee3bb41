package org.ums.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  /** SMTP when Boot configured a mail sender (a mail host is set), the log otherwise. */
  @Bean
  MailGateway mailGateway(ObjectProvider<JavaMailSender> sender, NotificationProperties properties) {
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp instanceof JavaMailSenderImpl configured) {
      return new SmtpMailGateway(configured, properties.from());
    }
    if (smtp != null) {
      throw new IllegalStateException("Mail is sent through Spring Boot's own mail sender; found " + smtp.getClass());
    }
    return new LogMailGateway();
  }
}
