package org.ums.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * Users as CSV (RFC 4180, UTF-8, a header row), without secrets: no password hash, no token. A cell that a
 * spreadsheet would run as a formula ({@code = + - @}, tab or carriage return first) gets a leading
 * {@code '} so that it is shown as text (OWASP's advice against CSV injection).
 */
public final class UserCsv {

  public static final List<String> HEADER = List.of("id", "email", "nickname", "first_name", "last_name", "role",
      "email_verified", "is_locked", "is_professional", "location", "linkedin_profile_url", "github_profile_url",
      "preferred_language", "time_zone", "created_at", "last_login_at");

  private final Writer out;

  public UserCsv(Writer out) {
    this.out = out;
  }

  public void header() {
    row(HEADER);
  }

  public void user(UserView user) {
    row(List.of(user.id().value().toString(), user.email(), user.nickname(), text(user.firstName()),
        text(user.lastName()), user.role().name(), String.valueOf(user.emailVerified()),
        String.valueOf(user.isLocked()), String.valueOf(user.isProfessional()), text(user.location()),
        text(user.linkedinProfileUrl()), text(user.githubProfileUrl()), text(user.preferredLanguage()),
        text(user.timeZone()), instant(user.createdAt()), instant(user.lastLoginAt())));
  }

  private void row(List<String> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(cell(cells.get(i)));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String cell(String value) {
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String instant(Instant value) {
    return value == null ? "" : value.toString();
  }
}
