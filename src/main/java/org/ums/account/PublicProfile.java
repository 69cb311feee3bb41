package org.ums.account;

/**
 * What anyone may see of a user, found by nickname: never the role, the account's state or, unless the user
 * chose to show it, the email ({@code null} then).
 */
public record PublicProfile(String nickname, String firstName, String lastName, String bio, String location,
    String profilePictureUrl, String linkedinProfileUrl, String githubProfileUrl, boolean isProfessional,
    String email) {
}
