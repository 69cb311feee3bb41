package org.ums.authentication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ums.account.Actor;
import org.ums.account.Credentials;
import org.ums.account.UserAdministration;
import org.ums.account.UserId;
import org.ums.web.Problems;

/** The logins of an account: listed and ended by their owner, all ended by an administrator. */
@RestController
@Tag(name = "Sessions")
@ConditionalOnWebApplication
class SessionController {

  private final Sessions sessions;
  private final UserAdministration administration;
  private final Credentials credentials;
  private final Problems problems;

  SessionController(Sessions sessions, UserAdministration administration, Credentials credentials,
      Problems problems) {
    this.sessions = sessions;
    this.credentials = credentials;
    this.administration = administration;
    this.problems = problems;
  }

  @GetMapping("/users/me/sessions")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Your active logins", description = "Most recently used first; `current` marks the one of "
      + "the access token used for this request.")
  SessionList mine(Authentication authentication) {
    Actor actor = (Actor) authentication.getPrincipal();
    UUID current = sessionOf(authentication);
    return new SessionList(sessions.active(actor.id()).stream()
        .map(session -> SessionResponse.of(session, session.id().equals(current))).toList());
  }

  @DeleteMapping("/users/me/sessions/{session_id}")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "End one of your logins", description = "Its refresh token stops working (204); 404 when "
      + "you have no such active session.")
  ResponseEntity<?> end(Authentication authentication, @PathVariable("session_id") UUID session, Locale locale) {
    Actor actor = (Actor) authentication.getPrincipal();
    if (!sessions.end(actor.id(), session, "ended")) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.of(HttpStatus.NOT_FOUND, locale,
          "session.not-found"));
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/users/me/password")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Change your password", description = "`{\"current_password\", \"new_password\"}`: 204; "
      + "your other logins end and you are emailed. A wrong current password, or a new one that breaks the rules, "
      + "is 422 naming the field.")
  ResponseEntity<Void> changePassword(Authentication authentication,
      @org.springframework.web.bind.annotation.RequestBody PasswordChange change) {
    Actor actor = (Actor) authentication.getPrincipal();
    credentials.changePassword(actor.id(), change.currentPassword(), change.newPassword());
    sessions.endAllBut(actor.id(), sessionOf(authentication), "password-changed");
    return ResponseEntity.noContent().build();
  }

  /** The body of a password change. */
  record PasswordChange(String currentPassword, String newPassword) {
  }

  @PostMapping("/users/me/sessions/revoke-all")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Log out everywhere", description = "Ends every login of yours, this one included (204); "
      + "access tokens issued before stop working within `UMS_REVOCATION_LAG`.")
  ResponseEntity<Void> endAllMine(Authentication authentication) {
    UserId user = ((Actor) authentication.getPrincipal()).id();
    sessions.endAll(user, "logout-everywhere");
    credentials.revokeTokens(user);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/users/{user_id}/sessions/revoke-all")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "End every login of a user", description = "ADMIN only; 404 for an unknown user.")
  ResponseEntity<Void> endAll(Authentication authentication, @PathVariable("user_id") UUID userId) {
    administration.get((Actor) authentication.getPrincipal(), UserId.of(userId));
    sessions.endAll(UserId.of(userId), "administrator");
    credentials.revokeTokens(UserId.of(userId));
    return ResponseEntity.noContent().build();
  }

  private static UUID sessionOf(Authentication authentication) {
    if (authentication.getCredentials() instanceof Jwt jwt && jwt.getClaimAsString(TokenIssuer.SESSION_CLAIM) != null) {
      try {
        return UUID.fromString(jwt.getClaimAsString(TokenIssuer.SESSION_CLAIM));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  /** The active logins. */
  record SessionList(List<SessionResponse> items) {
  }

  /** One login as its owner sees it. */
  record SessionResponse(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String clientIp,
      String userAgent, boolean current) {

    static SessionResponse of(Sessions.ActiveSession session, boolean current) {
      return new SessionResponse(session.id(), session.createdAt(), session.lastUsedAt(), session.expiresAt(),
          session.clientIp(), session.userAgent(), current);
    }
  }
}
