package org.ums.picture.web;

import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.ums.picture.InvalidPictureException;
import org.ums.picture.PictureNotFoundException;
import org.ums.picture.PictureTooLargeException;
import org.ums.storage.StorageException;
import org.ums.web.FieldProblem;
import org.ums.web.Problems;

/** Maps the picture module's refusals to problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PictureProblems {

  private final Problems problems;

  PictureProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(InvalidPictureException.class)
  ProblemDetail invalid(InvalidPictureException e, Locale locale) {
    return problems.invalid(locale, List.of(new FieldProblem("file",
        problems.message(e.messageKey(), locale, e.arguments()), codeOf(e.messageKey()))));
  }

  @ExceptionHandler(PictureController.InvalidSizeException.class)
  ProblemDetail invalidSize(PictureController.InvalidSizeException e, Locale locale) {
    return problems.invalid(locale, List.of(new FieldProblem("size",
        problems.message("picture.invalid-size", locale), "PictureSize")));
  }

  @ExceptionHandler(PictureTooLargeException.class)
  ProblemDetail tooLarge(PictureTooLargeException e, Locale locale) {
    return problems.of(HttpStatus.CONTENT_TOO_LARGE, locale, "problem.upload-too-large",
        e.limit().toMegabytes() + " MB");
  }

  @ExceptionHandler(PictureNotFoundException.class)
  ProblemDetail notFound(PictureNotFoundException e, Locale locale) {
    return problems.of(HttpStatus.NOT_FOUND, locale, "picture.not-found");
  }

  /** The storage is down or refuses: nothing was kept, and the same upload may be tried again. */
  @ExceptionHandler(StorageException.class)
  ResponseEntity<ProblemDetail> storageUnavailable(StorageException e, Locale locale) {
    org.slf4j.LoggerFactory.getLogger(PictureProblems.class).warn("Object storage failed", e);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
        .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, locale, "picture.storage-unavailable"));
  }

  /** {@code picture.too-many-pixels} becomes {@code TooManyPixels}. */
  static String codeOf(String messageKey) {
    var code = new StringBuilder();
    for (String word : messageKey.substring(messageKey.indexOf('.') + 1).split("-")) {
      code.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return code.toString();
  }
}
