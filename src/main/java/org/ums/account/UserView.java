package org.ums.account;

import java.time.Instant;

/** A read-only picture of an account, without any secret. */
public record UserView(UserId id, String email, String nickname, String firstName, String lastName, String bio,
    String profilePictureUrl, String linkedinProfileUrl, String githubProfileUrl, Role role,
    boolean isProfessional, boolean emailVerified, boolean isLocked, Instant lastLoginAt, Instant createdAt,
    Instant updatedAt) {

  static UserView of(User user) {
    return new UserView(user.id(), user.email(), user.nickname(), user.firstName(), user.lastName(), user.bio(),
        user.profilePictureUrl(), user.linkedinProfileUrl(), user.githubProfileUrl(), user.role(),
        user.isProfessional(), user.isEmailVerified(), user.isLocked(), user.lastLoginAt(), user.createdAt(),
        user.updatedAt());
  }
}
