package org.ums.authentication;

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
import org.ums.account.Credentials;

@RestController
@Tag(name = "Authentication")
@SecurityRequirements
@ConditionalOnWebApplication
class LoginController {

  private final Credentials credentials;
  private final TokenIssuer issuer;
  private final SigningKeys keys;

  LoginController(Credentials credentials, TokenIssuer issuer, SigningKeys keys) {
    this.credentials = credentials;
    this.issuer = issuer;
    this.keys = keys;
  }

  /** OAuth2 password flow (RFC 6749 4.3): the username is the email. */
  @PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "Log in", description = "OAuth2 password flow: form fields username (your email) and password.")
  ResponseEntity<TokenResponse> login(@RequestParam("username") String username,
      @RequestParam("password") String password) {
    var user = credentials.authenticate(username, password);
    var token = issuer.issue(user);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(new TokenResponse(token.value(), "bearer", token.expiresInSeconds()));
  }

  @GetMapping("/.well-known/jwks.json")
  @Operation(summary = "Public keys", description = "The JSON Web Key Set that verifies access tokens.")
  Map<String, Object> jwks() {
    return keys.publicKeys().toJSONObject(true);
  }

  record TokenResponse(String accessToken, String tokenType, long expiresIn) {
  }
}
