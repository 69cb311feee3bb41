package org.ums.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  /** SMTP when Boot configured a mail sender (a mail host is set), the log otherwise. */
  @Bean
  MailGateway mailGateway(ObjectProvider<JavaMailSender> sender, NotificationProperties properties) {
    JavaMailSender smtp = sender.getIfAvailable();
    return smtp == null ? new LogMailGateway() : new SmtpMailGateway(smtp, properties.from());
  }
}
