package org.ums.account.web;

import org.ums.account.NewAccount;
import org.ums.account.Role;

/** The body with which a manager or administrator opens an account, optionally with a role. */
record CreateUserRequest(String email, String password, String nickname, String firstName, String lastName,
    String bio, String profilePictureUrl, String linkedinProfileUrl, String githubProfileUrl, Role role,
    String preferredLanguage, String timeZone) {

  NewAccount toNewAccount() {
    return new RegisterRequest(email, password, nickname, firstName, lastName, bio, profilePictureUrl,
        linkedinProfileUrl, githubProfileUrl, preferredLanguage, timeZone).toNewAccount();
  }
}
