package org.ums.account.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ums.account.Role;
import org.ums.account.UserView;
import org.ums.web.Link;

/** A user as the API shows it: never a password hash or a token. */
record UserResponse(UUID id, String email, String nickname, String firstName, String lastName, String bio,
    String profilePictureUrl, String linkedinProfileUrl, String githubProfileUrl, Role role,
    boolean isProfessional, boolean emailVerified, boolean isLocked, Instant lastLoginAt, Instant createdAt,
    Instant updatedAt, String location, boolean showEmail, Instant professionalStatusUpdatedAt,
    String preferredLanguage, String timeZone, List<Link> links) {

  static UserResponse from(UserView user, List<Link> links) {
    return new UserResponse(user.id().value(), user.email(), user.nickname(), user.firstName(), user.lastName(),
        user.bio(), PictureUrls.of(user.profilePictureUrl(), user.firstName(), user.lastName(), user.nickname()),
        user.linkedinProfileUrl(), user.githubProfileUrl(), user.role(),
        user.isProfessional(), user.emailVerified(), user.isLocked(), user.lastLoginAt(), user.createdAt(),
        user.updatedAt(), user.location(), user.showEmail(), user.professionalStatusUpdatedAt(),
        user.preferredLanguage(), user.timeZone(), List.copyOf(links));
  }
}
