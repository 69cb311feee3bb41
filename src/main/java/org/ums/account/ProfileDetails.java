package org.ums.account;

/** The optional, self-described part of an account; any field may be null. */
public record ProfileDetails(String firstName, String lastName, String bio, String profilePictureUrl,
    String linkedinProfileUrl, String githubProfileUrl, String preferredLanguage, String timeZone) {

  public ProfileDetails(String firstName, String lastName, String bio, String profilePictureUrl,
      String linkedinProfileUrl, String githubProfileUrl) {
    this(firstName, lastName, bio, profilePictureUrl, linkedinProfileUrl, githubProfileUrl, null, null);
  }

  /** The same details, with the language to use when none was chosen. */
  public ProfileDetails withDefaultLanguage(String language) {
    return preferredLanguage != null ? this : new ProfileDetails(firstName, lastName, bio, profilePictureUrl,
        linkedinProfileUrl, githubProfileUrl, language, timeZone);
  }

  public static ProfileDetails empty() {
    return new ProfileDetails(null, null, null, null, null, null);
  }
}
