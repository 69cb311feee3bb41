package org.ums.account;

import java.time.Instant;

/** A read-only picture of an account, without any secret. */
public record UserView(UserId id, String email, String nickname, String firstName, String lastName, String bio,
    String profilePictureUrl, String linkedinProfileUrl, String githubProfileUrl, Role role,
    boolean isProfessional, boolean emailVerified, boolean isLocked, Instant lastLoginAt, Instant createdAt,
    Instant updatedAt, String location, boolean showEmail, Instant professionalStatusUpdatedAt,
    String preferredLanguage, String timeZone) {

  /** The account as seen at {@code now}: a timed lock that has run out reads as unlocked, as in {@link UserReads}. */
  static UserView of(User user, Instant now) {
    return new UserView(user.id(), user.email(), user.nickname(), user.firstName(), user.lastName(), user.bio(),
        user.profilePictureUrl(), user.linkedinProfileUrl(), user.githubProfileUrl(), user.role(),
        user.isProfessional(), user.isEmailVerified(), user.isLockedAt(now), user.lastLoginAt(), user.createdAt(),
        user.updatedAt(), user.location(), user.showsEmail(), user.professionalStatusUpdatedAt(),
        user.preferredLanguage(), user.timeZone());
  }
}
