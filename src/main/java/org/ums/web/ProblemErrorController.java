package org.ums.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors that never reach a controller (requests the servlet container or Spring Security's
 * firewall rejects) as problem details too; asked for directly, {@code /error} is not found.
 */
@RestController
class ProblemErrorController implements ErrorController {

  private final Problems problems;

  ProblemErrorController(Problems problems) {
    this.problems = problems;
  }

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request, Locale locale) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    if (status == null || !status.isError()) {
      status = HttpStatus.NOT_FOUND;
    }
    String key = ApiExceptionHandler.detailKey(status);
    // Refused in a filter, before any handler: the firewall, or form data that cannot be decoded.
    for (Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION); failure instanceof Throwable cause;
        failure = cause.getCause()) {
      if (cause instanceof RequestRejectedException) {
        status = HttpStatus.BAD_REQUEST;
        key = "problem.rejected-request";
        break;
      }
      if (cause instanceof InvalidParameterException) {
        status = HttpStatus.BAD_REQUEST;
        key = "problem.unreadable-form";
        break;
      }
    }
    return ResponseEntity.status(status).body(problems.of(status, locale, key));
  }
}
