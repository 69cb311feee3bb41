package org.ums.account;

import java.util.List;

/**
 * One field that breaks a rule, with the key of the sentence explaining it, the values that sentence names, and
 * a stable code.
 */
public record FieldViolation(String field, String messageKey, String code, List<Object> arguments) {

  public FieldViolation {
    arguments = List.copyOf(arguments);
  }

  public FieldViolation(String field, String messageKey, String code) {
    this(field, messageKey, code, List.of());
  }
}
