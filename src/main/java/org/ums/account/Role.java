package org.ums.account;

/** What a user may do, from least to most. ANONYMOUS is a registered user whose email is not verified yet. */
public enum Role {
  ANONYMOUS,
  AUTHENTICATED,
  MANAGER,
  ADMIN;

  /** Whether this role is the same as or above {@code other}. */
  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }
}
