package org.ums.authentication;

import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Stateless bearer-token security. Each endpoint states who may call it with {@code @PreAuthorize}, which
 * {@link HandlerRules} applies in the filter chain (and method security again at the call); unknown paths answer
 * 404, and a present but bad token is refused everywhere.
 * Security failures are answered by the same problem-details handlers as the rest of the API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

  // About 2 KB a token: at most ~20 MB. Past it the cache starts afresh, which costs speed, not correctness.
  private static final int VERIFIED_TOKENS = 10_000;

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, TokenRevocation revocation,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver, LocaleResolver locales,
      @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers)
      throws Exception {
    // Refusals from the filter chain come before the DispatcherServlet: they are given its language rules.
    AuthenticationEntryPoint entryPoint = (request, response, failure) -> {
      useLanguageRules(request, locales);
      resolver.resolveException(request, response, null, failure);
    };
    AccessDeniedHandler deniedHandler = (request, response, failure) -> {
      useLanguageRules(request, locales);
      resolver.resolveException(request, response, null, failure);
    };
    http
        .csrf(csrf -> csrf.disable())
        .cors(Customizer.withDefaults())
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .headers(headers -> headers
            .frameOptions(frame -> frame.deny())
            .contentTypeOptions(Customizer.withDefaults()))
        // Who may call an endpoint is its own @PreAuthorize, decided here before any argument is read.
        .authorizeHttpRequests(requests -> requests.anyRequest().access(new HandlerRules(handlers)))
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new ActorTokenConverter(revocation)))
            .authenticationEntryPoint(entryPoint)
            .accessDeniedHandler(deniedHandler))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(entryPoint)
            .accessDeniedHandler(deniedHandler));
    return http.build();
  }

  /**
   * The firewall's refusals (a header outside ASCII, an encoded slash) are answered here as 400 problem details in the
   * caller's language, not through the container's error page, which would meet the same refusal again.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler(
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver, LocaleResolver locales) {
    return (request, response, rejection) -> {
      useLanguageRules(request, locales);
      resolver.resolveException(request, response, null, rejection);
    };
  }

  private static void useLanguageRules(HttpServletRequest request, LocaleResolver locales) {
    request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
    LocaleContextHolder.setLocale(locales.resolveLocale(request));
  }

  /**
   * Spring Security would publish an application event for every request authenticated by a token, each going
   * through the event registry's multicaster; only failures are worth an event.
   */
  @Bean
  AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
    var failures = new DefaultAuthenticationEventPublisher(events);
    return new AuthenticationEventPublisher() {
      @Override
      public void publishAuthenticationSuccess(Authentication authentication) {
        // Successful token checks happen on every request; none of them is news.
      }

      @Override
      public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
        failures.publishAuthenticationFailure(exception, authentication);
      }
    };
  }

  /**
   * Verifies RS256 and ES256 signatures against the current public keys, then the expiry and the issuer; a token seen
   * before is not verified again until it expires.
   */
  @Bean
  JwtDecoder jwtDecoder(SigningKeys keys, AuthenticationProperties properties, Clock clock) {
    var processor = new DefaultJWTProcessor<SecurityContext>();
    // Only the algorithms of the keys this service makes: no none, no HMAC keyed with a public key.
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(SigningKeys.ALGORITHMS, (selector, context) -> {
      var ids = selector.getMatcher().getKeyIDs();
      String kid = ids == null || ids.size() != 1 ? null : ids.iterator().next();
      return selector.select(keys.publicKeysIncluding(kid));
    }));
    processor.setJWSVerifierFactory(FastSignatures.verifiers());
    // Spring's validators below check the claims; Nimbus's own check would only repeat them.
    processor.setJWTClaimsSetVerifier((claims, context) -> {
    });
    var decoder = new NimbusJwtDecoder(processor);
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
    return new VerifiedTokenCache(decoder, clock, VERIFIED_TOKENS);
  }
}
