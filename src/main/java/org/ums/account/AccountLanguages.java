package org.ums.account;

import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.ums.localization.spi.UserLanguages;

/** Tells localization the language a signed-in user chose in their profile. */
@Component
class AccountLanguages implements UserLanguages {

  private final Accounts accounts;

  AccountLanguages(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Optional<Locale> languageOf(Principal caller) {
    return caller instanceof Authentication authentication && authentication.getPrincipal() instanceof Actor actor
        ? accounts.preferredLanguage(actor.id()) : Optional.empty();
  }
}
