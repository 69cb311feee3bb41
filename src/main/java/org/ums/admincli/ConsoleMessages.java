package org.ums.admincli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.ums.localization.Languages;

/**
 * The console's sentences, from the service's message bundle in the operator's language (the JVM's locale, i.e.
 * {@code LANG}, when UMS speaks it; English otherwise).
 */
final class ConsoleMessages {

  private final ResourceBundle bundle;
  private final Locale locale;

  ConsoleMessages(Locale requested) {
    this.locale = Languages.serving(requested).orElse(Languages.DEFAULT);
    // No fallback to the JVM's default locale: English is the base bundle itself.
    this.bundle = ResourceBundle.getBundle("i18n.messages", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  ResourceBundle bundle() {
    return bundle;
  }

  Locale locale() {
    return locale;
  }

  String get(String key, Object... arguments) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }
}
