package org.ums.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  /** The name of the OpenAPI security scheme that Swagger UI's "Authorize" uses. */
  static final String PASSWORD_FLOW = "oauth2-password";

  /**
   * The original project's clients call {@code /register/} and {@code /users/}; this serves every path with or
   * without its trailing slash. It runs before Spring Security so that both spellings meet the same rules.
   */
  @Bean
  FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
    var filter = UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build();
    var registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  CorsConfigurationSource corsConfigurationSource(WebProperties properties) {
    var source = new UrlBasedCorsConfigurationSource();
    if (!properties.corsAllowedOrigins().isEmpty()) {
      var cors = new CorsConfiguration();
      cors.setAllowedOrigins(properties.corsAllowedOrigins());
      cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
      cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept-Language"));
      cors.setExposedHeaders(List.of("Location", "Retry-After"));
      cors.setMaxAge(3600L);
      source.registerCorsConfiguration("/**", cors);
    }
    return source;
  }

  private static final String TOKEN_LIFECYCLE = """
      User management: registration, email verification, login with JWTs, roles and users.

      **Tokens.** `POST /login/` opens a session and answers an access token (a JWT, 15 minutes by default) and a \
      refresh token (14 days). Send the access token as `Authorization: Bearer`; it carries `sub`, `role`, `sid` \
      (the session), `ver` (the account's token version), `iat`, `exp`, `iss` and a `kid` naming its key in \
      `/.well-known/jwks.json`. `POST /token/refresh` spends the refresh token and answers a new pair; a spent \
      refresh token presented again ends its session. `POST /logout/` ends the session; \
      `POST /users/me/sessions/revoke-all` ends all of them. A password change or reset, a lock, a role change, \
      logging out everywhere and deletion make older access tokens fail within `UMS_REVOCATION_LAG` (30 s). \
      Signing keys rotate: a replaced key stays in the JWKS until its tokens have expired. Login, registration, \
      verification resend and reset requests are rate limited (429 with `Retry-After`).""";

  @Bean
  OpenAPI umsOpenApi() {
    var passwordFlow = new SecurityScheme()
        .type(SecurityScheme.Type.OAUTH2)
        .description("Log in with your email as the username.")
        // The document requires a flow to list its scopes, even none.
        .flows(new OAuthFlows().password(new OAuthFlow().tokenUrl("/login/")
            .scopes(new io.swagger.v3.oas.models.security.Scopes())));
    return new OpenAPI()
        .info(new Info().title("UMS").version("1").description(TOKEN_LIFECYCLE))
        .components(new Components().addSecuritySchemes(PASSWORD_FLOW, passwordFlow))
        .addSecurityItem(new SecurityRequirement().addList(PASSWORD_FLOW));
  }

  /**
   * Swagger's model reader runs on its own Jackson 2 mapper, which does not see the application's snake_case
   * strategy; without this the documented field names would differ from the real ones.
   */
  @Bean
  ModelResolver snakeCaseModelResolver() {
    return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/redoc").setViewName("forward:/redoc.html");
  }
}
