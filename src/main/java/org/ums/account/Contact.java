package org.ums.account;

/** How to address a user in a message: their email and the name to greet them by. */
public record Contact(UserId id, String email, String displayName) {
}
