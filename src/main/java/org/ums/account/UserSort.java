package org.ums.account;

import java.util.Arrays;
import java.util.Optional;

/** The orders a user list can be sorted in; {@code -} before the name sorts descending. Ties go by id. */
public enum UserSort {
  CREATED_AT("created_at"), LAST_LOGIN_AT("last_login_at"), EMAIL("email"), NICKNAME("nickname");

  private final String column;

  UserSort(String column) {
    this.column = column;
  }

  /** The column, which is also the name the API takes. */
  public String column() {
    return column;
  }

  static Optional<UserSort> of(String name) {
    return Arrays.stream(values()).filter(sort -> sort.column.equals(name)).findFirst();
  }
}
