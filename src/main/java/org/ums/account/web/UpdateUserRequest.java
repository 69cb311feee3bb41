package org.ums.account.web;

import org.ums.account.Role;
import org.ums.account.UserChanges;

/** A partial update: only the fields present change; an empty string clears an optional text field. */
record UpdateUserRequest(String email, String nickname, String firstName, String lastName, String bio,
    String profilePictureUrl, String linkedinProfileUrl, String githubProfileUrl, Role role) {

  /** What a request without a body asks for. */
  static final UpdateUserRequest NOTHING = new UpdateUserRequest(null, null, null, null, null, null, null, null, null);

  UserChanges toChanges() {
    return new UserChanges(email, nickname, firstName, lastName, bio, profilePictureUrl, linkedinProfileUrl,
        githubProfileUrl, role);
  }
}
