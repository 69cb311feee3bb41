package org.ums.ratelimit;

import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.ums.web.Problems;

/** Puts the limits in front of the limited endpoints, and answers a call over its limit with a 429 problem. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class RateLimitConfiguration implements WebMvcConfigurer {

  private final RateLimits limits;
  private final RateLimitProperties properties;

  RateLimitConfiguration(RateLimits limits, RateLimitProperties properties) {
    this.limits = limits;
    this.properties = properties;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new RateLimitInterceptor(limits, properties)).order(Ordered.HIGHEST_PRECEDENCE);
  }

  @RestControllerAdvice
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class RateLimitProblems {

    private final Problems problems;

    RateLimitProblems(Problems problems) {
      this.problems = problems;
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> limited(RateLimitedException e, Locale locale) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
          .body(problems.of(HttpStatus.TOO_MANY_REQUESTS, locale, "rate-limit.exceeded", e.retryAfterSeconds()));
    }
  }
}
