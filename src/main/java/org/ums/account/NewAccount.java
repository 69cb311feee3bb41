package org.ums.account;

import java.util.Objects;

/** What it takes to open an account: an email, a password, and optionally a nickname and profile details. */
public record NewAccount(String email, String password, String nickname, ProfileDetails profile) {

  public NewAccount {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
    profile = profile == null ? ProfileDetails.empty() : profile;
  }

  /** The same account, in {@code language} unless one was chosen. */
  public NewAccount withDefaultLanguage(String language) {
    return new NewAccount(email, password, nickname, profile.withDefaultLanguage(language));
  }
}
