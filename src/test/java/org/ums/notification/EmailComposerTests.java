package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class EmailComposerTests {

  private static final String LINK = "http://ums.test/verify-email/0b0c/ab-_cd";

  private final EmailComposer composer = new EmailComposer(messages());

  private static ResourceBundleMessageSource messages() {
    var messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  @Test
  void verificationEmailHasStyledHtmlAndPlainTextWithTheSameLinkHeaderAndFooter() {
    var email = composer.compose(NotificationKind.EMAIL_VERIFICATION, "ada@example.com", Locale.ENGLISH,
        Map.of("name", "Ada", "link", LINK, "serviceUrl", "http://ums.test/"));

    assertThat(email.subject()).isEqualTo("Verify your email address");
    assertThat(email.html()).contains("href=\"" + LINK + "\" style=\"")
        .contains("<h1 style=\"").contains("Hello Ada,")
        .contains("This message was sent automatically; replies are not read.")
        .doesNotContain("<style").doesNotContain("**").doesNotContain("[(");
    assertThat(email.text()).startsWith("UMS")
        .contains("Hello Ada,")
        .contains("Verify my email <" + LINK + ">")
        .contains("\n" + LINK + "\n")
        .contains("This message was sent automatically; replies are not read.")
        .contains("\n\nThank you for registering.")
        .doesNotContain("**Verify").doesNotContain("\\");
  }

  @Test
  void namesAreShownAsWrittenNeverAsMarkupOrLinks() {
    String name = "*Eve* <b>bold</b> [click](http://evil.example) \\_";
    var email = composer.compose(NotificationKind.ACCOUNT_LOCKED, "eve@example.com", Locale.ENGLISH,
        Map.of("name", name, "serviceUrl", "http://ums.test/"));

    assertThat(email.html()).contains("Hello *Eve* &lt;b&gt;bold&lt;/b&gt; [click](http://evil.example) \\_,")
        .doesNotContain("<em>Eve").doesNotContain("href=\"http://evil.example\"");
    assertThat(email.text()).contains("Hello " + name + ",");
  }

  @Test
  void roleChangeEmailStatesTheOldAndTheNewRole() {
    var email = composer.compose(NotificationKind.ROLE_CHANGED, "bob@example.com", Locale.ENGLISH,
        Map.of("name", "Bob", "oldRole", "AUTHENTICATED", "newRole", "MANAGER", "serviceUrl", "http://ums.test/"));

    assertThat(email.subject()).isEqualTo("Your role has changed");
    assertThat(email.text()).contains("from AUTHENTICATED to MANAGER");
    assertThat(email.html()).contains("<strong>AUTHENTICATED</strong>").contains("<strong>MANAGER</strong>");
  }

  @Test
  void everyKindHasATemplateAndASubject() {
    for (NotificationKind kind : NotificationKind.values()) {
      assertThat(Path.of("src/main/resources/templates/mail/" + kind.code() + ".md")).as(kind.name()).exists();
      assertThat(messages().getMessage("mail." + kind.code() + ".subject", null, null, Locale.ENGLISH))
          .as(kind.name()).isNotBlank();
    }
  }
}
