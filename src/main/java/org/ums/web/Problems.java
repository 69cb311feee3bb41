package org.ums.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds problem details whose title and detail come from the message bundle in the caller's language.
 * Modules map their own exceptions with it, so every error reads the same.
 */
@Component
public class Problems {

  private final MessageSource messages;

  Problems(MessageSource messages) {
    this.messages = messages;
  }

  /** A problem with the status's title and the detail found under {@code detailKey}. */
  public ProblemDetail of(HttpStatus status, Locale locale, String detailKey, Object... detailArguments) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setTitle(title(status, locale));
    problem.setDetail(messages.getMessage(detailKey, detailArguments, locale));
    problem.setType(URI.create("about:blank"));
    return problem;
  }

  /** A 422 problem listing each invalid field with its message. */
  public ProblemDetail invalid(Locale locale, List<FieldProblem> errors) {
    ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, locale, "problem.validation");
    problem.setProperty("errors", errors);
    return problem;
  }

  /** The message for a field error, from the bundle in the caller's language. */
  public String message(MessageSourceResolvable resolvable, Locale locale) {
    return messages.getMessage(resolvable, locale);
  }

  /** The message under {@code key}, in the caller's language. */
  public String message(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  String title(HttpStatus status, Locale locale) {
    return messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale);
  }
}
