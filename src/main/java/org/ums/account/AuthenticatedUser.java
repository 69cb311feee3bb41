package org.ums.account;

/** The account behind a successful password check, with the role to put in its tokens. */
public record AuthenticatedUser(UserId id, Role role) {
}
