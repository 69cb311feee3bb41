package org.ums.account;

import java.util.List;

/** Input that breaks the account rules, field by field. */
public final class InvalidAccountDataException extends AccountException {

  private final transient List<FieldViolation> violations;

  InvalidAccountDataException(List<FieldViolation> violations) {
    super("problem.validation");
    this.violations = List.copyOf(violations);
  }

  InvalidAccountDataException(FieldViolation violation) {
    this(List.of(violation));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
