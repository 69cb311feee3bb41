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

  /** The limited operations say so in the OpenAPI document: a 429 answer with its Retry-After header. */
  @org.springframework.context.annotation.Bean
  org.springdoc.core.customizers.OperationCustomizer rateLimitResponses() {
    return (operation, handler) -> {
      RateLimited limit = handler.getMethodAnnotation(RateLimited.class);
      if (limit != null) {
        operation.getResponses().addApiResponse("429", new io.swagger.v3.oas.models.responses.ApiResponse()
            .description("Too many calls from this address (UMS_RATE_LIMIT_PER_IP_PER_MINUTE)"
                + (limit.perUsername().isEmpty() ? ""
                    : " or for this username (UMS_RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE)")
                + "; try again after Retry-After seconds.")
            .addHeaderObject("Retry-After", new io.swagger.v3.oas.models.headers.Header()
                .description("Seconds to wait").schema(new io.swagger.v3.oas.models.media.IntegerSchema())));
      }
      return operation;
    };
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
