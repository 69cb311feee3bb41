package org.ums.account;

import java.time.ZoneId;
import java.util.Locale;

/**
 * How to address a user in a message: their email, the name to greet them by, and the language and time zone
 * they read in (English and UTC unless they chose others).
 */
public record Contact(UserId id, String email, String displayName, Locale language, ZoneId timeZone) {
}
