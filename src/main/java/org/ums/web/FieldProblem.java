package org.ums.web;

import java.util.Objects;

/** One invalid field of a request: its name as the client sent it, a message for people, and a stable code. */
public record FieldProblem(String field, String message, String code) {

  public FieldProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(code, "code");
  }
}
