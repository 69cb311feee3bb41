package org.ums.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  UserReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
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

  /** A page in order of creation, with a stable tiebreak on id. */
  UserPage page(long skip, int limit) {
    var items = jdbc.sql("select " + COLUMNS + " from users order by created_at, id offset :skip limit :limit")
        .param("skip", skip).param("limit", limit).query(UserReads::view).list();
    long total = jdbc.sql("select count(*) from users").query(Long.class).single();
    return new UserPage(items, total);
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
