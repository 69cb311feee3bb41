package org.ums.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentNodeRendererContext;
import org.commonmark.renderer.text.TextContentRenderer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email from Markdown: {@code templates/mail/header.md}, the kind's own template and
 * {@code footer.md}, whose sentences all come from the message bundle. The Markdown becomes HTML with inline
 * styles (mail clients ignore style sheets) and a plain-text alternative. Values from users are escaped as
 * Markdown before they enter a template, so a name cannot add a link or markup.
 */
@Component
class EmailComposer {

  private static final String FONT = "font-family: Helvetica, Arial, sans-serif; ";

  private final SpringTemplateEngine engine;
  private final MessageSource messages;
  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer html = HtmlRenderer.builder()
      .escapeHtml(true)
      .sanitizeUrls(true)
      .attributeProviderFactory(context -> EmailComposer::inlineStyle)
      .build();
  private final TextContentRenderer text = TextContentRenderer.builder()
      .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS)
      .nodeRendererFactory(PlainTextLink::new)
      .build();

  EmailComposer(MessageSource messages) {
    this.messages = messages;
    this.engine = new SpringTemplateEngine();
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(".md");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.addTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(messages);
  }

  /**
   * @param values the template's variables; each is escaped as Markdown, so it is shown as written
   */
  OutgoingEmail compose(NotificationKind kind, String to, Locale locale, Map<String, String> values) {
    var variables = new HashMap<String, Object>();
    values.forEach((name, value) -> variables.put(name, escapeMarkdown(value)));
    var context = new Context(locale, variables);
    String markdown = engine.process("header", context) + "\n\n" + engine.process(kind.code(), context)
        + "\n\n" + engine.process("footer", context);
    Node document = parser.parse(markdown);
    String subject = messages.getMessage("mail." + kind.code() + ".subject", null, locale);
    return new OutgoingEmail(to, subject, page(subject, locale, html.render(document)),
        text.render(document).strip() + "\n");
  }

  private static String page(String subject, Locale locale, String body) {
    return "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>" + HtmlUtils.htmlEscape(subject) + "</title>\n</head>\n"
        + "<body style=\"margin: 0; padding: 0; background: #f3f4f6;\">\n"
        + "<div style=\"" + FONT + "max-width: 600px; margin: 0 auto; padding: 0 24px 16px 24px; "
        + "background: #ffffff; color: #111827; font-size: 16px; line-height: 1.5;\">\n"
        + body + "</div>\n</body>\n</html>\n";
  }

  private static void inlineStyle(Node node, String tagName, Map<String, String> attributes) {
    String style = null;
    if (node instanceof Heading) {
      style = FONT + "margin: 0 -24px 16px -24px; padding: 16px 24px; background: #1f3a5f; color: #ffffff; "
          + "font-size: 20px;";
    } else if (node instanceof Paragraph paragraph) {
      style = isAfterBreak(paragraph) ? "margin: 0; color: #6b7280; font-size: 12px;" : "margin: 0 0 16px 0;";
    } else if (node instanceof Link) {
      style = "color: #1f3a5f; word-break: break-all;";
    } else if (node instanceof ThematicBreak) {
      style = "border: 0; border-top: 1px solid #e5e7eb; margin: 24px 0 12px 0;";
    } else if (node instanceof BlockQuote) {
      style = "margin: 0 0 16px 0; padding-left: 12px; border-left: 3px solid #e5e7eb;";
    }
    if (style != null) {
      attributes.put("style", style);
    }
  }

  /** The footer follows the rule; its small print is styled as such. */
  private static boolean isAfterBreak(Paragraph paragraph) {
    for (Node previous = paragraph.getPrevious(); previous != null; previous = previous.getPrevious()) {
      if (previous instanceof ThematicBreak) {
        return true;
      }
    }
    return false;
  }

  /**
   * A link in the plain-text part: its text, then the address in angle brackets (RFC 3986, appendix C), so that
   * mail programs find where the address ends.
   */
  private static final class PlainTextLink implements NodeRenderer {

    private final TextContentNodeRendererContext context;

    PlainTextLink(TextContentNodeRendererContext context) {
      this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Link.class);
    }

    @Override
    public void render(Node node) {
      Link link = (Link) node;
      for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
        context.render(child);
      }
      context.getWriter().write(" <" + link.getDestination() + ">");
    }
  }

  /** Backslash-escapes every ASCII punctuation character, which CommonMark then shows literally. */
  static String escapeMarkdown(String value) {
    var escaped = new StringBuilder(value.length() + 8);
    value.codePoints().forEach(c -> {
      if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
        escaped.append('\\');
      }
      escaped.appendCodePoint(c);
    });
    return escaped.toString();
  }
}
