package org.ums.account;

/** What an actor may do to one user, so that representations offer only the actions that will succeed. */
public record Permissions(boolean read, boolean update, boolean delete) {
}
