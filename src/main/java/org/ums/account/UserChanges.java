package org.ums.account;

/** A partial update: each non-null field replaces the current value; null fields are left as they are. */
public record UserChanges(String email, String nickname, String firstName, String lastName, String bio,
    String profilePictureUrl, String linkedinProfileUrl, String githubProfileUrl, Role role) {

  public boolean isEmpty() {
    return email == null && nickname == null && firstName == null && lastName == null && bio == null
        && profilePictureUrl == null && linkedinProfileUrl == null && githubProfileUrl == null && role == null;
  }
}
