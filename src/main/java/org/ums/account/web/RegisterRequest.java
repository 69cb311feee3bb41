package org.ums.account.web;

import org.ums.account.NewAccount;
import org.ums.account.ProfileDetails;

/** The body of a registration; a {@code role} sent along is ignored. */
record RegisterRequest(String email, String password, String nickname, String firstName, String lastName,
    String bio, String profilePictureUrl, String linkedinProfileUrl, String githubProfileUrl,
    String preferredLanguage, String timeZone) {

  NewAccount toNewAccount() {
    return new NewAccount(email == null ? "" : email, password == null ? "" : password, nickname,
        new ProfileDetails(firstName, lastName, bio, profilePictureUrl, linkedinProfileUrl, githubProfileUrl,
            preferredLanguage, timeZone));
  }
}
