package org.ums.notification;

import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.ums.web.FieldProblem;
import org.ums.web.Problems;

/** Maps the delivery log's refusals to problem details. */
@RestControllerAdvice(assignableTypes = NotificationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationProblems {

  private final Problems problems;

  NotificationProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(DeliveryNotFoundException.class)
  ProblemDetail notFound(DeliveryNotFoundException e, Locale locale) {
    return problems.of(HttpStatus.NOT_FOUND, locale, "notification.not-found");
  }

  @ExceptionHandler(DeliveryNotRetryableException.class)
  ProblemDetail notRetryable(DeliveryNotRetryableException e, Locale locale) {
    return problems.of(HttpStatus.CONFLICT, locale, "notification.not-retryable." + e.status().code());
  }

  @ExceptionHandler(InvalidDeliveryFilterException.class)
  ProblemDetail invalidFilter(InvalidDeliveryFilterException e, Locale locale) {
    return problems.invalid(locale, List.of(new FieldProblem(e.parameter(),
        problems.message("notification.unknown-value", locale, e.allowed()), "UnknownValue")));
  }
}
