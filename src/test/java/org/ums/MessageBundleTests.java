package org.ums;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.text.MessageFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ums.support.MessageBundles;
import org.ums.localization.Languages;

/** Every message key the code and templates name exists in the English bundle, and no template holds text. */
class MessageBundleTests {

  private static final Pattern KEY_IN_JAVA = Pattern.compile(
      "\"((?:problem|validation|account|verification|login|mail|notification|professional-request|picture|audit|console|password-reset|session|rate-limit|email-change)\\.[a-z0-9._-]*[a-z0-9])\"");
  private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-z0-9._-]+)");

  @Test
  void everyKeyUsedExistsInTheBundle() throws IOException {
    Properties bundle = new Properties();
    try (var reader = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/i18n/messages.properties")),
        StandardCharsets.UTF_8)) {
      bundle.load(reader);
    }
    Set<String> used = new TreeSet<>();
    collect(Path.of("src/main/java"), ".java", KEY_IN_JAVA, used);
    collect(Path.of("src/main/resources/templates"), "", KEY_IN_TEMPLATE, used);
    used.removeIf(key -> key.endsWith(".") || key.equals("mail.") || key.startsWith("problem.title."));
    assertThat(used).isNotEmpty();
    assertThat(used).allSatisfy(key -> assertThat(bundle).containsKey(key));
  }

  /** Values that are names or codes, the same in every language. */
  private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("mail.header.title", "console.field-error",
      "console.db.migration");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(?:,[^}]*)?}");

  /** Every bundle besides English, as the service finds them. */
  static Stream<String> translations() {
    return Languages.SUPPORTED.stream().filter(locale -> !locale.equals(Languages.DEFAULT)).map(Locale::toString);
  }

  @Test
  void theServiceOffersEveryBundleThatExists() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
      assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("messages_")))
          .containsExactlyInAnyOrderElementsOf(translations().map(tag -> "messages_" + tag + ".properties").toList());
    }
    assertThat(translations()).contains("es", "fr", "de", "zh_CN");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("translations")
  void everyLanguageHasExactlyTheEnglishKeysTranslatedWithTheSamePlaceholders(String language) throws IOException {
    Properties english = bundle("messages.properties");
    Properties translated = bundle("messages_" + language + ".properties");

    assertThat(translated.stringPropertyNames()).as("keys of " + language)
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      String source = english.getProperty(key);
      String target = translated.getProperty(key);
      assertThat(placeholders(target)).as(language + " " + key).isEqualTo(placeholders(source));
      if (!SAME_IN_EVERY_LANGUAGE.contains(key)) {
        assertThat(target).as(language + " " + key + " is still English").isNotEqualTo(source);
      }
      if (!placeholders(source).isEmpty()) {
        // MessageFormat reads a lone apostrophe as a quote: it would vanish or swallow a placeholder.
        assertThat(target.replace("''", "")).as(language + " " + key + " has a lone apostrophe").doesNotContain("'");
        // Typed placeholders such as {0,number,#} get text here; only their presence is checked.
        String formatted = new MessageFormat(target.replaceAll("\\{(\\d+),[^}]*}", "{$1}"), Locale.ROOT)
            .format(new Object[] {"@0@", "@1@", "@2@", "@3@", "@4@", "@5@"});
        placeholders(source).forEach(index -> assertThat(formatted).as(language + " " + key)
            .contains("@" + index + "@"));
      }
    }
  }

  private static Properties bundle(String name) {
    return MessageBundles.load(name);
  }

  private static java.util.List<String> placeholders(String value) {
    Matcher matcher = PLACEHOLDER.matcher(value);
    var found = new java.util.ArrayList<String>();
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    java.util.Collections.sort(found);
    return found;
  }

  /**
   * Problem details get their title and detail only from {@code Problems}, which reads them from the bundle;
   * anywhere else a literal sentence could slip in, untranslated.
   */
  @Test
  void problemDetailsAreWrittenOnlyFromTheBundle() throws IOException {
    Pattern literal = Pattern.compile("setDetail\\(|setTitle\\(|forStatusAndDetail\\(|ResponseStatusException\\(|"
        + "ErrorResponse\\.create\\(");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (file.endsWith(Path.of("org/ums/web/Problems.java"))) {
          continue;
        }
        assertThat(literal.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
      }
    }
  }

  @Test
  void emailTemplatesHoldNoLiteralSentences() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates/mail"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = Files.readString(file)
            .replaceAll("(?s)<!--.*?-->", "")
            .replaceAll("(?s)<[^>]*>", " ")
            .replaceAll("\\[\\(.*?\\)]|\\[#.*?]|\\[/]", " ");
        // Between the expressions only Markdown's layout characters may remain: every sentence comes from a key.
        assertThat(content.replaceAll("[#*>\\\\=\\-\\s]", "")).as(file.toString()).isEmpty();
      }
    }
  }

  private static void collect(Path root, String suffix, Pattern pattern, Set<String> into) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(suffix) && Files.isRegularFile(f)).toList()) {
        Matcher matcher = pattern.matcher(Files.readString(file));
        while (matcher.find()) {
          into.add(matcher.group(1));
        }
      }
    }
  }
}
