package org.ums.account;

/**
 * The account behind a successful password check, with the role to put in its tokens and the version of its
 * tokens: a token of an older version has been revoked.
 */
public record AuthenticatedUser(UserId id, Role role, long tokenVersion) {
}
