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
import org.junit.jupiter.api.Test;

/** Every message key the code and templates name exists in the English bundle, and no template holds text. */
class MessageBundleTests {

  private static final Pattern KEY_IN_JAVA = Pattern.compile(
      "\"((?:problem|validation|account|verification|login|mail|notification|professional-request|picture)\\.[a-z0-9._-]*[a-z0-9])\"");
  private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-z0-9._-]+)");

  @Test
  void everyKeyUsedExistsInTheBundle() throws IOException {
    Properties bundle = new Properties();
    try (var reader = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages.properties")),
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

  @Test
  void emailTemplatesHoldNoLiteralSentences() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates/mail"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = Files.readString(file)
            .replaceAll("(?s)<!--.*?-->", "")
            .replaceAll("(?s)<[^>]*>", " ")
            .replaceAll("\\[\\(.*?\\)]|\\[#.*?]", " ");
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
