package org.ums.support;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The message bundles as their files hold them, for tests that compare answers with the sentences. */
public final class MessageBundles {

  public static final Path FOLDER = Path.of("src/main/resources/i18n");

  private MessageBundles() {
  }

  /** The bundle in file {@code name}, such as {@code messages_es.properties}. */
  public static Properties load(String name) {
    Properties bundle = new Properties();
    try (var reader = new InputStreamReader(Files.newInputStream(FOLDER.resolve(name)), StandardCharsets.UTF_8)) {
      bundle.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bundle;
  }
}
