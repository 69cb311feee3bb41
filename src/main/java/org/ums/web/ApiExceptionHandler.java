package org.ums.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Answers every failure that no module maps itself with a problem detail in the caller's language: 422 with an
 * {@code errors} list for invalid input, 400 for unreadable bodies, 401/403 for security, and a bare 500 that
 * never carries the exception's text.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final Problems problems;
  private final ObjectProvider<MultipartConfigElement> multipart;

  ApiExceptionHandler(Problems problems, ObjectProvider<MultipartConfigElement> multipart) {
    this.problems = problems;
    this.multipart = multipart;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(fieldProblems(ex.getBindingResult(), LocaleContextHolder.getLocale()), LocaleContextHolder.getLocale());
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    List<FieldProblem> errors = new ArrayList<>();
    ex.getParameterValidationResults().forEach(result -> {
      String name = parameterName(result.getMethodParameter().getParameterName(), result.getMethodParameter()
          .getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class));
      result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(name,
          problems.message(error, locale), code(error.getCodes()))));
    });
    return invalid(errors, locale);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    return invalid(List.of(new FieldProblem(ex.getParameterName(),
        problems.message("validation.required", locale), "NotBlank")), locale);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // Well-formed JSON with a value of the wrong type (an unknown role, an object for a string) is invalid
    // input for a named field; only unparseable bodies are 400.
    if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = mismatch.getPath().stream()
          .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
              : String.valueOf(reference.getIndex()))
          .reduce((parent, child) -> parent + "." + child).orElse("body");
      return invalid(List.of(new FieldProblem(field,
          problems.message("validation.type-mismatch", LocaleContextHolder.getLocale()), "TypeMismatch")), LocaleContextHolder.getLocale());
    }
    return respond(problems.of(HttpStatus.BAD_REQUEST, LocaleContextHolder.getLocale(), "problem.unreadable-body"));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    return invalid(List.of(new FieldProblem(ex.getRequestPartName(),
        problems.message("validation.required", locale), "NotNull")), locale);
  }

  /**
   * The limit on a file (set from {@code ums.picture.max-size}) is named, so the user knows what fits; Tomcat's
   * refusal does not carry it, the multipart settings do.
   */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    MultipartConfigElement settings = multipart.getIfAvailable();
    long limit = settings == null ? -1 : settings.getMaxFileSize();
    if (limit <= 0) {
      return respond(problems.of(HttpStatus.CONTENT_TOO_LARGE, LocaleContextHolder.getLocale(), "problem.payload-too-large"));
    }
    return respond(problems.of(HttpStatus.CONTENT_TOO_LARGE, LocaleContextHolder.getLocale(), "problem.upload-too-large",
        DataSize.ofBytes(limit).toMegabytes() + " MB"));
  }

  /** A multipart body that cannot be parsed (no boundary, cut short) is the client's to fix. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> handleUnreadableMultipart(MultipartException ex, Locale locale) {
    return respond(problems.of(HttpStatus.BAD_REQUEST, locale, "problem.unreadable-multipart"));
  }

  /** Form data that is not UTF-8 or has a broken %-escape: Tomcat refuses it when a parameter is first read. */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<Object> handleUnreadableForm(InvalidParameterException ex, Locale locale) {
    return respond(problems.of(HttpStatus.BAD_REQUEST, locale, "problem.unreadable-form"));
  }

  /**
   * Spring Security's firewall checks a header when it is first read, which may be in a handler (an
   * {@code If-None-Match} with characters outside ASCII): refused as the firewall refuses at the door.
   */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<Object> handleRejected(RequestRejectedException ex, Locale locale) {
    return respond(problems.of(HttpStatus.BAD_REQUEST, locale, "problem.rejected-request"));
  }

  /**
   * PostgreSQL text holds no NUL (SQL state 22021) and jsonb no {@code \u0000} (22P05): a value that carries one,
   * wherever it is bound, is the caller's mistake, not ours. One rule here instead of a guard at every parameter.
   */
  @ExceptionHandler(org.springframework.dao.DataAccessException.class)
  ResponseEntity<Object> handleDataAccess(org.springframework.dao.DataAccessException ex, Locale locale) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException sql
          && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
        return respond(problems.of(HttpStatus.BAD_REQUEST, locale, "problem.bad-request"));
      }
    }
    return handleUnexpected(ex, locale);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, Locale locale) {
    boolean inPath = ex.getParameter().hasParameterAnnotation(
        org.springframework.web.bind.annotation.PathVariable.class);
    if (inPath) {
      return respond(problems.of(HttpStatus.NOT_FOUND, locale, "problem.not-found"));
    }
    return invalid(List.of(new FieldProblem(ex.getName(), problems.message("validation.type-mismatch", locale),
        "TypeMismatch")), locale);
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<Object> handleAuthentication(AuthenticationException ex, Locale locale) {
    return unauthenticated(locale, "problem.unauthenticated");
  }

  /** Method security denies anonymous callers too: they get 401 and a challenge, the others 403. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, Principal principal, Locale locale) {
    if (principal == null) {
      return unauthenticated(locale, "problem.unauthenticated");
    }
    return respond(problems.of(HttpStatus.FORBIDDEN, locale, "problem.forbidden"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception ex, Locale locale) {
    log.error("Unexpected failure while handling a request", ex);
    return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, locale, "problem.unexpected"));
  }

  /** Every exception Spring MVC maps itself (404, 405, 415, ...) gets a localized title and detail. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    HttpStatus status = HttpStatus.resolve(statusCode.value());
    if (status == null) {
      status = HttpStatus.BAD_REQUEST;
    }
    ProblemDetail problem = problems.of(status, LocaleContextHolder.getLocale(), detailKey(status));
    if (ex instanceof ErrorResponse errorResponse) {
      headers = new HttpHeaders(headers);
      headers.addAll(errorResponse.getHeaders());
    }
    return ResponseEntity.status(status).headers(headers).body(problem);
  }

  static String detailKey(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "problem.not-found";
      case METHOD_NOT_ALLOWED -> "problem.method-not-allowed";
      case UNSUPPORTED_MEDIA_TYPE -> "problem.unsupported-media-type";
      case NOT_ACCEPTABLE -> "problem.not-acceptable";
      case CONTENT_TOO_LARGE, PAYLOAD_TOO_LARGE -> "problem.payload-too-large";
      case UNPROCESSABLE_CONTENT -> "problem.validation";
      default -> status.is5xxServerError() ? "problem.unexpected" : "problem.bad-request";
    };
  }

  private ResponseEntity<Object> unauthenticated(Locale locale, String key) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .body(problems.of(HttpStatus.UNAUTHORIZED, locale, key));
  }

  private ResponseEntity<Object> invalid(List<FieldProblem> errors, Locale locale) {
    return respond(problems.invalid(locale, errors));
  }

  private static ResponseEntity<Object> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  private List<FieldProblem> fieldProblems(BindingResult result, Locale locale) {
    List<FieldProblem> errors = new ArrayList<>();
    for (FieldError error : result.getFieldErrors()) {
      errors.add(new FieldProblem(snakeCase(error.getField()), problems.message(error, locale),
          code(error.getCodes())));
    }
    result.getGlobalErrors().forEach(error -> errors.add(new FieldProblem(error.getObjectName(),
        problems.message(error, locale), code(error.getCodes()))));
    return errors;
  }

  private static String parameterName(String fallback, org.springframework.web.bind.annotation.RequestParam param) {
    if (param != null && !param.name().isEmpty()) {
      return param.name();
    }
    if (param != null && !param.value().isEmpty()) {
      return param.value();
    }
    return fallback == null ? "request" : fallback;
  }

  private static String code(String[] codes) {
    return codes == null || codes.length == 0 ? "Invalid" : codes[codes.length - 1];
  }

  /** Field names go back to the client in the JSON's snake_case. */
  static String snakeCase(String field) {
    return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
