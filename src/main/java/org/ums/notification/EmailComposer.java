package org.ums.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email from {@code templates/mail/KIND.html} and {@code KIND.txt}, which share a header and footer
 * and take every sentence from the message bundle. The engine is private to emails so that pages keep Boot's.
 */
@Component
class EmailComposer {

  private final SpringTemplateEngine engine;
  private final MessageSource messages;

  EmailComposer(MessageSource messages) {
    this.messages = messages;
    this.engine = new SpringTemplateEngine();
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    engine.setTemplateEngineMessageSource(messages);
  }

  OutgoingEmail compose(String kind, String to, Locale locale, Map<String, Object> variables) {
    var context = new Context(locale, variables);
    String subject = messages.getMessage("mail." + kind + ".subject", null, locale);
    context.setVariable("subject", subject);
    return new OutgoingEmail(to, subject, engine.process(kind + ".html", context),
        engine.process(kind + ".txt", context));
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }
}
