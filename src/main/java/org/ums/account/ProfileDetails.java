package org.ums.account;

/** The optional, self-described part of an account; any field may be null. */
public record ProfileDetails(String firstName, String lastName, String bio, String profilePictureUrl,
    String linkedinProfileUrl, String githubProfileUrl) {

  public static ProfileDetails empty() {
    return new ProfileDetails(null, null, null, null, null, null);
  }
}
