package org.ums.localization;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A sentence missing from a language's bundle is answered in English (the message source falls back to the
 * base bundle) and never as its key; this names each missing key once, at start-up, so that nobody has to
 * notice it in an answer. The tests fail on any missing key; this is for a bundle added without them.
 */
@Component
class TranslationAudit {

  private static final Logger log = LoggerFactory.getLogger(TranslationAudit.class);

  @EventListener(ApplicationReadyEvent.class)
  void reportMissingTranslations() {
    Set<String> english = keys(Languages.BUNDLES + ".properties");
    for (Locale language : Languages.SUPPORTED) {
      if (language.equals(Languages.DEFAULT)) {
        continue;
      }
      Set<String> missing = new TreeSet<>(english);
      missing.removeAll(keys(Languages.BUNDLES + "_" + Languages.bundleSuffix(language) + ".properties"));
      if (!missing.isEmpty()) {
        log.warn("{} sentences have no {} translation and are answered in English: {}", missing.size(),
            language.toLanguageTag(), missing);
      }
    }
  }

  /** The keys of a bundle; none when it cannot be read, which is then reported as every key missing. */
  private static Set<String> keys(String path) {
    Properties bundle = new Properties();
    try (var reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
      bundle.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      log.warn("Cannot read the message bundle {}", path, e);
    }
    return bundle.stringPropertyNames();
  }
}
