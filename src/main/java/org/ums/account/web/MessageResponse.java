package org.ums.account.web;

/** A sentence for people, in the caller's language. */
record MessageResponse(String message) {
}
