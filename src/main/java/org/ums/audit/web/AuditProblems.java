package org.ums.audit.web;

import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.ums.web.FieldProblem;
import org.ums.web.Problems;

/** Maps the audit module's refusals to problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditProblems {

  private final Problems problems;

  AuditProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(AuditController.UnknownActionException.class)
  ProblemDetail unknownAction(AuditController.UnknownActionException e, Locale locale) {
    return problems.invalid(locale, List.of(new FieldProblem("action",
        problems.message("audit.unknown-action", locale, AuditController.UnknownActionException.codes()),
        "UnknownValue")));
  }
}
