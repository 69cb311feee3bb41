package org.ums.account;

import java.util.Objects;

/**
 * Who is calling, as proven by their access token: the account's id and the role the token carries. Services
 * that act on other users take the actor and apply the role rules to it.
 */
public record Actor(UserId id, Role role) {

  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }
}
