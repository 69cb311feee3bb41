package org.ums.account.web;

import org.ums.ratelimit.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.ums.account.EmailVerification;
import org.ums.account.Registration;
import org.ums.account.UserId;
import org.ums.account.NewAccount;
import org.ums.localization.Languages;
import org.ums.web.Problems;

@RestController
@Tag(name = "Registration")
@SecurityRequirements
class RegistrationController {

  private final Registration registration;
  private final EmailVerification verification;
  private final Problems problems;

  private final org.ums.ratelimit.RateLimits rateLimits;

  RegistrationController(Registration registration, EmailVerification verification, Problems problems,
      org.ums.ratelimit.RateLimits rateLimits) {
    this.rateLimits = rateLimits;
    this.registration = registration;
    this.verification = verification;
    this.problems = problems;
  }

  @PostMapping("/register")
  @RateLimited
  @Operation(summary = "Register", description = "Opens an unverified account and emails a verification link. "
      + "Without `preferred_language`, the language of `Accept-Language` is kept when one is served.")
  ResponseEntity<UserResponse> register(@RequestBody RegisterRequest request, HttpServletRequest http) {
    NewAccount account = request.toNewAccount();
    // Someone signing up reads the language they asked for: the verification email is written in it.
    Optional<Locale> asked = Languages.servedFor(http);
    if (asked.isPresent()) {
      account = account.withDefaultLanguage(asked.get().toLanguageTag());
    }
    var user = registration.register(account);
    return ResponseEntity.status(HttpStatus.CREATED).body(UserResponse.from(user, List.of()));
  }

  @GetMapping("/verify-email/{user_id}/{token}")
  @Operation(summary = "Verify an email", description = "The link sent by email; makes the account AUTHENTICATED.")
  MessageResponse verify(@PathVariable("user_id") UUID userId, @PathVariable("token") String token,
      Locale locale) {
    verification.verify(UserId.of(userId), token);
    return new MessageResponse(problems.message("verification.done", locale));
  }

  @PostMapping("/verify-email/resend")
  @RateLimited
  @Operation(summary = "Send the verification link again",
      description = "Always 202, whether or not the email has an account; past "
          + "`UMS_RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR` reset and verification emails an hour to one address, 429.")
  ResponseEntity<MessageResponse> resend(@RequestBody ResendVerificationRequest request, Locale locale) {
    rateLimits.countEmailTo(request.email());
    verification.requestNewLink(request.email());
    return ResponseEntity.accepted().body(new MessageResponse(problems.message("verification.resent", locale)));
  }
}
