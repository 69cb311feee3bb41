package org.ums.account;

/** A partial update: each non-null field replaces the current value; null fields are left as they are. */
public record UserChanges(String email, String nickname, String firstName, String lastName, String bio,
    String profilePictureUrl, String linkedinProfileUrl, String githubProfileUrl, Role role) {

  /** The JSON names of the fields given, the role aside (a role change is its own event). */
  public java.util.List<String> fieldNames() {
    var names = new java.util.ArrayList<String>();
    addIf(names, "email", email);
    addIf(names, "nickname", nickname);
    addIf(names, "first_name", firstName);
    addIf(names, "last_name", lastName);
    addIf(names, "bio", bio);
    addIf(names, "profile_picture_url", profilePictureUrl);
    addIf(names, "linkedin_profile_url", linkedinProfileUrl);
    addIf(names, "github_profile_url", githubProfileUrl);
    return names;
  }

  private static void addIf(java.util.List<String> names, String name, String value) {
    if (value != null) {
      names.add(name);
    }
  }

  public boolean isEmpty() {
    return email == null && nickname == null && firstName == null && lastName == null && bio == null
        && profilePictureUrl == null && linkedinProfileUrl == null && githubProfileUrl == null && role == null;
  }
}
