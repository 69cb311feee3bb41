package org.ums.account.web;

import org.ums.ratelimit.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.ums.account.PasswordReset;
import org.ums.web.Problems;

/** A forgotten password, and the invitation of an imported account: choosing a password through a link. */
@RestController
@Tag(name = "Password reset")
@SecurityRequirements
class PasswordResetController {

  private final PasswordReset passwords;
  private final Problems problems;

  private final org.ums.ratelimit.RateLimits rateLimits;

  PasswordResetController(PasswordReset passwords, Problems problems, org.ums.ratelimit.RateLimits rateLimits) {
    this.rateLimits = rateLimits;
    this.passwords = passwords;
    this.problems = problems;
  }

  @PostMapping("/password-reset/request")
  @RateLimited
  @Operation(summary = "Ask for a password reset link", description = "`{\"email\"}`. Always 202, whether or not "
      + "the email has an account; the owner gets a single-use link, valid for `UMS_PASSWORD_RESET_LIFETIME` "
      + "(30 minutes), to the page `/password-reset?token=...`. At most `UMS_RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR` "
      + "reset and verification emails an hour go to one address, whoever asks: past that, 429.")
  ResponseEntity<MessageResponse> request(@RequestBody EmailRequest request, Locale locale) {
    rateLimits.countEmailTo(request.email());
    passwords.request(request.email());
    return ResponseEntity.accepted().body(new MessageResponse(problems.message("password-reset.requested", locale)));
  }

  @PostMapping("/password-reset/confirm")
  @Operation(summary = "Choose a new password with a link's token", description = "`{\"token\", \"password\"}`. "
      + "The token of a reset or invitation email works once; using it also verifies the email and unlocks the "
      + "account. A wrong, used or expired token is 400; a password that breaks the rules is 422.")
  MessageResponse confirm(@RequestBody ConfirmRequest request, Locale locale) {
    passwords.confirm(request.token(), request.password());
    return new MessageResponse(problems.message("password-reset.done", locale));
  }

  /** The body of a reset request. */
  record EmailRequest(String email) {
  }

  /** The body of a confirmation. */
  record ConfirmRequest(String token, String password) {
  }
}
