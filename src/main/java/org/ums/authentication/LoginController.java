package org.ums.authentication;

import org.ums.ratelimit.RateLimited;
import org.ums.ratelimit.RateLimitedException;
import org.ums.ratelimit.RateLimits;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.ums.account.AuthenticatedUser;
import org.ums.account.Credentials;
import org.ums.account.LoginRejectedException;
import org.ums.web.Problems;

@RestController
@Tag(name = "Authentication")
@SecurityRequirements
@ConditionalOnWebApplication
class LoginController {

  private final Credentials credentials;
  private final TokenIssuer issuer;
  private final SigningKeys keys;
  private final Sessions sessions;
  private final Problems problems;
  private final RateLimits rateLimits;
  private final LoginFailures failures;

  LoginController(Credentials credentials, TokenIssuer issuer, SigningKeys keys, Sessions sessions,
      Problems problems, RateLimits rateLimits, LoginFailures failures) {
    this.rateLimits = rateLimits;
    this.failures = failures;
    this.credentials = credentials;
    this.issuer = issuer;
    this.keys = keys;
    this.sessions = sessions;
    this.problems = problems;
  }

  /** OAuth2 password flow (RFC 6749 4.3): the username is the email. */
  @PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @RateLimited(perUsername = "username")
  @Operation(summary = "Log in", description = "OAuth2 password flow: form fields username (your email) and password. "
      + "Besides the access token, a `refresh_token` that `POST /token/refresh` exchanges for new tokens.")
  ResponseEntity<TokenResponse> login(@RequestParam("username") String username,
      @RequestParam("password") String password, HttpServletRequest request) {
    String address = request.getRemoteAddr();
    try {
      rateLimits.takeLoginFailure(address);
    } catch (RateLimitedException e) {
      failures.record(null, LoginFailed.Reason.TOO_MANY_FAILURES_FROM_ADDRESS);
      throw e;
    }
    AuthenticatedUser user;
    boolean guessed = false;
    try {
      user = credentials.authenticate(username, password);
    } catch (LoginRejectedException e) {
      // Only a wrong password for an account can lead to a lockout: that is what an address has a share of.
      guessed = e.reason() == LoginRejectedException.Reason.BAD_CREDENTIALS && e.account().isPresent();
      failures.record(e);
      throw e;
    } finally {
      if (!guessed) {
        rateLimits.giveBackLoginFailure(address);
      }
    }
    var grant = sessions.open(user, address, request.getHeader("User-Agent"));
    return tokens(user, grant);
  }

  /** OAuth2 refresh (RFC 6749 6): spends the refresh token and answers with new tokens. */
  @PostMapping(path = "/token/refresh", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "Renew a login", description = "Form field `refresh_token`. The token is spent: use the new "
      + "one next time. A spent token presented again ends its login for whoever holds its successor (401). "
      + "Unknown, expired or revoked tokens, and locked or deleted accounts: 401.")
  ResponseEntity<?> refresh(@RequestParam(name = "refresh_token", required = false) String refreshToken,
      Locale locale) {
    var grant = sessions.rotate(refreshToken);
    if (grant.isEmpty()) {
      return refused(locale);
    }
    AuthenticatedUser user;
    try {
      user = credentials.current(grant.get().userId());
    } catch (LoginRejectedException e) {
      sessions.revoke(grant.get().sessionId(), "account");
      return refused(locale);
    }
    return tokens(user, grant.get());
  }

  @PostMapping("/logout")
  @org.springframework.security.access.prepost.PreAuthorize("isAuthenticated()")
  @Operation(summary = "Log out", description = "Ends the login of the access token (204): its refresh token stops "
      + "working at once, and the access token within `UMS_REVOCATION_LAG`.")
  ResponseEntity<Void> logout(Authentication authentication) {
    if (authentication instanceof ActorAuthentication caller && caller.getCredentials() instanceof Jwt jwt) {
      String session = jwt.getClaimAsString(TokenIssuer.SESSION_CLAIM);
      if (session != null) {
        try {
          sessions.end(caller.getPrincipal().id(), UUID.fromString(session), "logout");
        } catch (IllegalArgumentException e) {
          // Not a session this service issued: nothing to end.
        }
      }
    }
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<TokenResponse> tokens(AuthenticatedUser user, Sessions.Grant grant) {
    var token = issuer.issue(user, grant.sessionId());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(new TokenResponse(token.value(), "bearer", token.expiresInSeconds(), grant.refreshToken()));
  }

  private ResponseEntity<ProblemDetail> refused(Locale locale) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer")
        .body(problems.of(HttpStatus.UNAUTHORIZED, locale, "login.refresh-refused"));
  }

  @GetMapping("/.well-known/jwks.json")
  @Operation(summary = "Public keys", description = "The JSON Web Key Set that verifies access tokens.")
  Map<String, Object> jwks() {
    return keys.publicKeys().toJSONObject(true);
  }

  record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
  }
}
