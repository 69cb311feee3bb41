package org.ums.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What a manager or an administrator looks for in the user list: a term, filters, an order, and a page given by
 * {@code skip} (up to {@link #MAX_SKIP}) or by a cursor ({@code after}) for walking further.
 *
 * @param term matched as a substring of nickname, email, first and last name, ignoring case and accents
 * @param roles any of these roles; empty for all
 * @param after the position after which the page starts, as the previous page's {@code next} link gave it
 */
public record UserSearch(String term, Set<Role> roles, Boolean locked, Boolean emailVerified, Boolean professional,
    Instant createdFrom, Instant createdTo, Instant lastLoginFrom, Instant lastLoginTo, UserSort sort,
    boolean descending, long skip, int limit, Cursor after) {

  /** Deep pages by offset get slower with depth; past this, the cursor walks on at the same speed. */
  public static final long MAX_SKIP = 10_000;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_TERM = 100;

  public UserSearch {
    roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(roles);
  }

  /** The position of a row in a sorted list: its sort value (null for a user who never logged in) and id. */
  public record Cursor(UserSort sort, boolean descending, String value, UUID id) {

    /** The cursor as the API passes it around: opaque, URL-safe. */
    public String encode() {
      String plain = sort.column() + (descending ? "-" : "+") + "|" + (value == null ? "" : value) + "|" + id;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String encoded) {
      String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      // The value in the middle may hold a "|" itself (an email may): the sort and the id are at the ends.
      int first = plain.indexOf('|');
      int last = plain.lastIndexOf('|');
      if (first < 2 || last == first) {
        throw new IllegalArgumentException("Not a cursor");
      }
      String[] parts = {plain.substring(0, first), plain.substring(first + 1, last), plain.substring(last + 1)};
      String name = parts[0].substring(0, parts[0].length() - 1);
      char direction = parts[0].charAt(parts[0].length() - 1);
      UserSort sort = UserSort.of(name).orElseThrow(() -> new IllegalArgumentException("Not a cursor"));
      if (direction != '+' && direction != '-') {
        throw new IllegalArgumentException("Not a cursor");
      }
      String value = parts[1].isEmpty() ? null : parts[1];
      if (value != null && (sort == UserSort.CREATED_AT || sort == UserSort.LAST_LOGIN_AT)) {
        Instant.parse(value);
      }
      return new Cursor(sort, direction == '-', value, UUID.fromString(parts[2]));
    }
  }

  /**
   * Reads the query parameters of {@code GET /users/}.
   *
   * @throws InvalidAccountDataException naming every parameter that is malformed or out of range
   */
  public static UserSearch parse(String q, List<String> roles, Boolean locked, Boolean emailVerified,
      Boolean professional, String createdFrom, String createdTo, String lastLoginFrom, String lastLoginTo,
      String sort, long skip, int limit, String after) {
    var violations = new ArrayList<FieldViolation>();
    String term = q == null || q.isBlank() ? null : q.strip();
    if (term != null && term.codePointCount(0, term.length()) > MAX_TERM) {
      violations.add(new FieldViolation("q", "validation.too-long.100", "Size"));
    } else if (term != null && AccountValidation.hasControlCharacters(term)) {
      violations.add(new FieldViolation("q", "validation.control-characters", "ControlCharacters"));
    }
    Set<Role> wanted = EnumSet.noneOf(Role.class);
    for (String role : roles == null ? List.<String>of() : roles) {
      for (String name : role.split(",")) {
        if (name.isBlank()) {
          continue;
        }
        try {
          wanted.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          violations.add(new FieldViolation("role", "validation.unknown-role", "UnknownValue"));
        }
      }
    }
    Instant createdAfter = instant("created_from", createdFrom, violations);
    Instant createdBefore = instant("created_to", createdTo, violations);
    Instant loginAfter = instant("last_login_from", lastLoginFrom, violations);
    Instant loginBefore = instant("last_login_to", lastLoginTo, violations);
    boolean descending = sort != null && sort.startsWith("-");
    String sortName = sort == null || sort.isBlank() ? "created_at" : sort.strip().replaceFirst("^[-+]", "");
    UserSort order = UserSort.of(sortName).orElse(null);
    if (order == null) {
      violations.add(new FieldViolation("sort", "validation.unknown-sort", "UnknownValue"));
    }
    if (skip < 0 || skip > MAX_SKIP) {
      violations.add(new FieldViolation("skip", "validation.skip-too-deep", "Range"));
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      violations.add(new FieldViolation("limit", "validation.limit", "Range"));
    }
    Cursor cursor = null;
    if (after != null && !after.isBlank()) {
      try {
        cursor = Cursor.decode(after.strip());
        if (cursor.sort() != order || cursor.descending() != descending) {
          violations.add(new FieldViolation("after", "validation.cursor", "Cursor"));
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        violations.add(new FieldViolation("after", "validation.cursor", "Cursor"));
      }
      if (skip != 0) {
        violations.add(new FieldViolation("skip", "validation.skip-with-cursor", "Exclusive"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidAccountDataException(violations);
    }
    return new UserSearch(term, wanted, locked, emailVerified, professional, createdAfter, createdBefore, loginAfter,
        loginBefore, order, descending, skip, limit, cursor);
  }

  /** An ISO 8601 instant, or a date meaning its start in UTC. */
  private static Instant instant(String name, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : java.time.OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(name, "validation.date-time", "DateTime"));
      return null;
    }
  }
}
