package org.ums.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads that change nothing, straight into {@link UserView}: one autocommit query and no persistence context,
 * on the paths clients call most. A timed lock whose time has passed reads as unlocked.
 */
@Component
class UserReads {

  private static final String COLUMNS = """
      id, email, nickname, first_name, last_name, bio, profile_picture_url, linkedin_profile_url,
      github_profile_url, role, is_professional, email_verified,
      is_locked and (locked_until is null or locked_until > now()) as is_locked, last_login_at, created_at,
      updated_at, location, show_email, professional_status_updated_at, preferred_language, time_zone""";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate streaming;
  private final TransactionTemplate exports;

  UserReads(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    var template = new JdbcTemplate(dataSource);
    // PostgreSQL streams a result in batches only inside a transaction and with a fetch size.
    template.setFetchSize(1000);
    this.streaming = new NamedParameterJdbcTemplate(template);
    this.exports = new TransactionTemplate(transactions);
    this.exports.setReadOnly(true);
  }

  Optional<UserView> find(UserId id) {
    return jdbc.sql("select " + COLUMNS + " from users where id = :id").param("id", id.value())
        .query(UserReads::view).optional();
  }

  Optional<String> preferredLanguage(UserId id) {
    return jdbc.sql("select preferred_language from users where id = :id").param("id", id.value())
        .query(String.class).optional();
  }

  Optional<PublicProfile> findPublic(String nickname) {
    return jdbc.sql("""
            select nickname, first_name, last_name, bio, location, profile_picture_url, linkedin_profile_url,
              github_profile_url, is_professional, case when show_email then email end as email
            from users where nickname = cast(:nickname as citext) and email_verified""")
        .param("nickname", nickname)
        .query((row, number) -> new PublicProfile(row.getString("nickname"), row.getString("first_name"),
            row.getString("last_name"), row.getString("bio"), row.getString("location"),
            row.getString("profile_picture_url"), row.getString("linkedin_profile_url"),
            row.getString("github_profile_url"), row.getBoolean("is_professional"), row.getString("email")))
        .optional();
  }

  /** Counts stop here: beyond, the total is a lower bound (reading every match of a common term is slow). */
  static final int EXACT_COUNT = 10_000;

  /**
   * The page of users that match, in the order asked, and how many match (exactly up to {@link #EXACT_COUNT}).
   * The term is matched against the stored, unaccented search text: three or more characters through its
   * trigram index, one or two through the tripled text's ({@code V11}).
   */
  UserPage search(UserSearch search) {
    var params = new HashMap<String, Object>();
    List<String> where = conditions(search, params);
    String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
    var page = new ArrayList<>(where);
    if (search.after() != null) {
      page.add(after(search, params));
    }
    String column = search.sort().column();
    String direction = search.descending() ? " desc" : "";
    List<UserView> items = jdbc.sql("select " + COLUMNS + " from users"
            + (page.isEmpty() ? "" : " where " + String.join(" and ", page))
            + " order by " + column + direction + ", id" + direction + " offset :skip limit :limit")
        .params(params).param("skip", search.skip()).param("limit", search.limit()).query(UserReads::view).list();
    long counted = jdbc.sql("select count(*) from (select 1 from users" + filter + " limit " + (EXACT_COUNT + 1)
        + ") matches").params(params).query(Long.class).single();
    return new UserPage(items, Math.min(counted, EXACT_COUNT), counted <= EXACT_COUNT);
  }

  /** The filters of a search as SQL conditions, their values put in {@code params}. */
  private List<String> conditions(UserSearch search, Map<String, Object> params) {
    var where = new ArrayList<String>();
    if (search.term() != null) {
      String term = jdbc.sql("select lower(public.unaccent('public.unaccent'::regdictionary, :term))")
          .param("term", search.term()).query(String.class).single();
      // The pattern is written into the statement, so that every execution is planned for it: a generic plan
      // would not know whether the term is rare (use the trigram index) or common (walk the sort order).
      where.add(term.codePointCount(0, term.length()) <= 2
          ? "search_tripled like " + likeLiteral(tripled(term)) + " escape '\\'"
          : "search_text like " + likeLiteral(term) + " escape '\\'");
    }
    if (!search.roles().isEmpty()) {
      where.add("role in (:roles)");
      params.put("roles", search.roles().stream().map(Role::name).toList());
    }
    if (search.locked() != null) {
      where.add(search.locked() ? "(is_locked and (locked_until is null or locked_until > now()))"
          : "not (is_locked and (locked_until is null or locked_until > now()))");
    }
    if (search.emailVerified() != null) {
      where.add("email_verified = :verified");
      params.put("verified", search.emailVerified());
    }
    if (search.professional() != null) {
      where.add("is_professional = :professional");
      params.put("professional", search.professional());
    }
    range("created_at", search.createdFrom(), search.createdTo(), where, params);
    range("last_login_at", search.lastLoginFrom(), search.lastLoginTo(), where, params);
    return where;
  }

  /**
   * Every user that matches, in the search's order, handed to {@code each} while rows arrive: the database sends
   * them a thousand at a time within one read-only transaction, so memory does not grow with the result.
   */
  void export(UserSearch search, java.util.function.Consumer<UserView> each) {
    var params = new HashMap<String, Object>();
    List<String> where = conditions(search, params);
    String direction = search.descending() ? " desc" : "";
    String sql = "select " + COLUMNS + " from users" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
        + " order by " + search.sort().column() + direction + ", id" + direction;
    exports.executeWithoutResult(status -> streaming.query(sql, params, row -> {
      each.accept(view(row, 0));
    }));
  }

  /** Rows after the cursor in the list's order; a user who never logged in sorts after everyone ascending. */
  private static String after(UserSearch search, Map<String, Object> params) {
    UserSearch.Cursor cursor = search.after();
    String column = search.sort().column();
    String cmp = search.descending() ? "<" : ">";
    params.put("afterId", cursor.id());
    String value = switch (search.sort()) {
      case CREATED_AT, LAST_LOGIN_AT -> {
        params.put("afterValue", cursor.value() == null ? null : Timestamp.from(Instant.parse(cursor.value())));
        yield ":afterValue";
      }
      case EMAIL, NICKNAME -> {
        params.put("afterValue", cursor.value());
        yield "cast(:afterValue as citext)";
      }
    };
    if (search.sort() != UserSort.LAST_LOGIN_AT) {
      return "(" + column + ", id) " + cmp + " (" + value + ", :afterId)";
    }
    // PostgreSQL puts nulls last ascending and first descending, as the index on (last_login_at, id) does.
    if (cursor.value() == null) {
      return search.descending() ? "((last_login_at is null and id < :afterId) or last_login_at is not null)"
          : "(last_login_at is null and id > :afterId)";
    }
    return search.descending() ? "(last_login_at, id) < (" + value + ", :afterId)"
        : "((last_login_at, id) > (" + value + ", :afterId) or last_login_at is null)";
  }

  private static void range(String column, Instant from, Instant to, List<String> where, Map<String, Object> params) {
    if (from != null) {
      where.add(column + " >= :" + column + "_from");
      params.put(column + "_from", Timestamp.from(from));
    }
    if (to != null) {
      where.add(column + " < :" + column + "_to");
      params.put(column + "_to", Timestamp.from(to));
    }
  }

  /** Each character three times: a one- or two-character term in the tripled search text has trigrams. */
  private static String tripled(String term) {
    var tripled = new StringBuilder();
    term.codePoints().forEach(c -> tripled.appendCodePoint(c).appendCodePoint(c).appendCodePoint(c));
    return tripled.toString();
  }

  /** {@code '%term%'} as an SQL literal: LIKE's own characters escaped, quotes doubled (no control characters). */
  private static String likeLiteral(String term) {
    String escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "'%" + escaped.replace("'", "''") + "%'";
  }

  private static UserView view(ResultSet row, int number) throws SQLException {
    return new UserView(UserId.of(row.getObject("id", UUID.class)), row.getString("email"),
        row.getString("nickname"), row.getString("first_name"), row.getString("last_name"), row.getString("bio"),
        row.getString("profile_picture_url"), row.getString("linkedin_profile_url"),
        row.getString("github_profile_url"), Role.valueOf(row.getString("role")), row.getBoolean("is_professional"),
        row.getBoolean("email_verified"), row.getBoolean("is_locked"), instant(row, "last_login_at"),
        instant(row, "created_at"), instant(row, "updated_at"), row.getString("location"),
        row.getBoolean("show_email"), instant(row, "professional_status_updated_at"),
        row.getString("preferred_language"), row.getString("time_zone"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp timestamp = row.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
