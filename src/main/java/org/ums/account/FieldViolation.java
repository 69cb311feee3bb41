package org.ums.account;

/** One field that breaks a rule, with the key of the sentence explaining it and a stable code. */
public record FieldViolation(String field, String messageKey, String code) {
}
