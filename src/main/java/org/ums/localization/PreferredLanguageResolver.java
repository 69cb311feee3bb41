package org.ums.localization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.ums.localization.spi.UserLanguages;

/**
 * The language of an answer: the logged-in user's {@code preferred_language}, else the best served language of
 * {@code Accept-Language}, else English. Spring resolves it only when a sentence is written (an error, a
 * message), so the look-up costs nothing on answers without one; it is then kept for the request.
 */
@Component("localeResolver")
class PreferredLanguageResolver implements LocaleResolver {

  private static final String RESOLVED = PreferredLanguageResolver.class.getName() + ".locale";

  private final Optional<UserLanguages> users;

  PreferredLanguageResolver(Optional<UserLanguages> users) {
    this.users = users;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    if (request.getAttribute(RESOLVED) instanceof Locale resolved) {
      return resolved;
    }
    Locale locale = preferred(request).orElseGet(() -> Languages.forRequest(request));
    request.setAttribute(RESOLVED, locale);
    return locale;
  }

  private Optional<Locale> preferred(HttpServletRequest request) {
    if (request.getUserPrincipal() == null || users.isEmpty()) {
      return Optional.empty();
    }
    try {
      return users.get().languageOf(request.getUserPrincipal());
    } catch (DataAccessException e) {
      // The answer being written may be about this very failure: it goes out in the browser's language.
      return Optional.empty();
    }
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("The language is chosen in the profile (preferred_language)");
  }
}
