package org.ums.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ums.support.Api;
import org.ums.support.HttpTest;

@HttpTest
class ApiConventionsHttpTests {

  @Autowired
  Api api;
  String admin;

  @BeforeEach
  void logInAsAdministrator() {
    admin = api.loginAsAdmin();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/users", "/users/", "/users/me", "/users/me/", "/.well-known/jwks.json",
      "/openapi.json", "/actuator/health", "/actuator/health/"})
  void getPathsAnswerWithAndWithoutTrailingSlash(String path) {
    assertThat(api.get(path, admin).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/login", "/login/"})
  void loginAnswersWithAndWithoutTrailingSlash(String path) {
    var response = api.postForm(path, Map.of("username", Api.ADMIN_EMAIL, "password", Api.ADMIN_PASSWORD));
    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void unknownPathIs404ProblemDetails() {
    var response = api.get("/no/such/thing");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asString()).isNotBlank();
    assertThat(response.json().get("status").asInt()).isEqualTo(404);
  }

  @Test
  void errorPathAndFirewallRejectionsAreProblemDetails() {
    var error = api.get("/error");
    assertThat(error.status()).isEqualTo(404);
    assertThat(error.contentType()).startsWith("application/problem+json");
    var rejected = api.get("/users;x=1/me", admin);
    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.contentType()).startsWith("application/problem+json");
  }

  @Test
  void wrongMethodIs405ProblemDetails() {
    var response = api.send(api.request("/register/", null).DELETE());
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void setsSecurityHeaders() {
    var response = api.get("/users/me", admin);
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void allowsNoCrossOriginCallsByDefault() {
    var preflight = api.send(api.request("/users/", null)
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "GET")
        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void documentsTheApiWithPasswordFlowThroughLogin() {
    var openApi = api.get("/openapi.json");
    assertThat(openApi.status()).isEqualTo(200);
    var spec = openApi.json();
    assertThat(spec.get("openapi").asString()).startsWith("3.1");
    assertThat(spec.at("/components/securitySchemes/oauth2-password/flows/password/tokenUrl").asString())
        .isEqualTo("/login/");
    assertThat(spec.at("/paths").propertyNames()).contains("/register", "/login", "/users", "/users/{user_id}",
        "/verify-email/{user_id}/{token}", "/verify-email/resend", "/users/me", "/users/{user_id}/unlock");
    assertThat(openApi.body()).contains("email_verified").contains("access_token");
    assertThat(spec.at("/paths").propertyNames()).contains("/token/refresh", "/logout", "/users/me/sessions",
        "/users/me/password", "/users/me/email", "/email-change/confirm", "/password-reset/request");
    assertThat(spec.at("/info/description").asString()).contains("Tokens.").contains("/token/refresh")
        .contains("UMS_REVOCATION_LAG");
    var docs = api.get("/docs");
    assertThat(docs.status()).isEqualTo(302);
    var swaggerUi = api.get(docs.header("Location"));
    assertThat(swaggerUi.status()).isEqualTo(200);
    assertThat(swaggerUi.body()).contains("swagger-ui");
    assertThat(api.get("/redoc").body()).contains("/openapi.json");
  }

  @Test
  void healthHasLivenessAndReadiness() {
    assertThat(api.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
    assertThat(api.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
  }
}
