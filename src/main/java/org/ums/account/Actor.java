package org.ums.account;

import java.util.Objects;

/**
 * Who is calling, as proven by their access token: the account's id and the role the token carries. Services
 * that act on other users take the actor and apply the role rules to it.
 */
public record Actor(UserId id, Role role) {

  /** The operator at the admin console: an administrator's rights, without an account of their own. */
  public static final Actor CONSOLE = new Actor(UserId.CONSOLE, Role.ADMIN);

  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }

  public boolean isConsole() {
    return id.equals(UserId.CONSOLE);
  }
}
