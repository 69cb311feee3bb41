package org.ums.localization.spi;

import java.security.Principal;
import java.util.Locale;
import java.util.Optional;

/**
 * Knows the language a signed-in caller chose for themselves ({@code preferred_language}); the module that owns the
 * accounts provides it, so that localization needs to know nothing of accounts.
 */
public interface UserLanguages {

  /** The language {@code caller} chose, if the caller is someone who can choose one and did. */
  Optional<Locale> languageOf(Principal caller);
}
