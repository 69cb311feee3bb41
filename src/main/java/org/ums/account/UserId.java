package org.ums.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A user's identity, stable for the life of the account. */
public record UserId(@JsonValue UUID value) {

  /**
   * Who acts at the admin console: no account, so the nil UUID, which no account ever has. Events name it as
   * {@code changed_by} when an operator made the change.
   */
  public static final UserId CONSOLE = new UserId(new UUID(0, 0));

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public UserId {
    Objects.requireNonNull(value, "value");
  }

  public static UserId of(UUID value) {
    return new UserId(value);
  }

  static UserId random() {
    return new UserId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
