package org.ums.account.web;

import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.ums.account.AccountConflictException;
import org.ums.account.InvalidAccountDataException;
import org.ums.account.InvalidVerificationTokenException;
import org.ums.account.LoginRejectedException;
import org.ums.account.OperationNotAllowedException;
import org.ums.account.PasswordHashingBusyException;
import org.ums.account.UserNotFoundException;
import org.ums.web.FieldProblem;
import org.ums.web.Problems;

/** Maps the account module's refusals to problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

  private final Problems problems;

  AccountProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(UserNotFoundException.class)
  ProblemDetail notFound(UserNotFoundException e, Locale locale) {
    return problems.of(HttpStatus.NOT_FOUND, locale, e.messageKey());
  }

  @ExceptionHandler(AccountConflictException.class)
  ProblemDetail conflict(AccountConflictException e, Locale locale) {
    return problems.of(HttpStatus.CONFLICT, locale, e.messageKey());
  }

  @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
  ProblemDetail concurrentChange(ObjectOptimisticLockingFailureException e, Locale locale) {
    return problems.of(HttpStatus.CONFLICT, locale, "account.concurrent-change");
  }

  @ExceptionHandler(InvalidAccountDataException.class)
  ProblemDetail invalid(InvalidAccountDataException e, Locale locale) {
    return problems.invalid(locale, e.violations().stream()
        .map(v -> new FieldProblem(v.field(), problems.message(v.messageKey(), locale, v.arguments().toArray()), v.code()))
        .toList());
  }

  @ExceptionHandler(OperationNotAllowedException.class)
  ProblemDetail forbidden(OperationNotAllowedException e, Locale locale) {
    return problems.of(HttpStatus.FORBIDDEN, locale, e.messageKey());
  }

  @ExceptionHandler(InvalidVerificationTokenException.class)
  ProblemDetail invalidToken(InvalidVerificationTokenException e, Locale locale) {
    return problems.of(HttpStatus.BAD_REQUEST, locale, e.messageKey());
  }

  @ExceptionHandler(LoginRejectedException.class)
  org.springframework.http.ResponseEntity<ProblemDetail> loginRejected(LoginRejectedException e, Locale locale) {
    HttpStatus status = switch (e.reason()) {
      case BAD_CREDENTIALS -> HttpStatus.UNAUTHORIZED;
      case EMAIL_NOT_VERIFIED -> HttpStatus.FORBIDDEN;
      case LOCKED -> HttpStatus.BAD_REQUEST;
    };
    var response = org.springframework.http.ResponseEntity.status(status);
    if (status == HttpStatus.UNAUTHORIZED) {
      response.header("WWW-Authenticate", "Bearer");
    }
    if (e.retryAfter().isPresent()) {
      long seconds = Math.max(1, e.retryAfter().get().toSeconds() + 1);
      response.header("Retry-After", Long.toString(seconds));
      return response.body(problems.of(status, locale, e.messageKey(), (seconds + 59) / 60));
    }
    return response.body(problems.of(status, locale, e.messageKey()));
  }

  /** Every password hash is taken: come back in a moment rather than wait with a thread held. */
  @ExceptionHandler(PasswordHashingBusyException.class)
  org.springframework.http.ResponseEntity<ProblemDetail> busy(PasswordHashingBusyException e, Locale locale) {
    return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
        .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, locale, "problem.password-hashing-busy"));
  }
}
