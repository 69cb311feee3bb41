package org.ums.account.web;

/** Whose verification link to send again. */
record ResendVerificationRequest(String email) {
}
