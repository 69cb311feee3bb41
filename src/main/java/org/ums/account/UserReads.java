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
 * Reads of single accounts that change nothing, straight into {@link UserView}: one autocommit query and no
 * persistence context, on the paths every client calls most ({@code /users/me}, {@code /users/{id}}).
 */
@Component
class UserReads {

  private static final String COLUMNS = """
      id, email, nickname, first_name, last_name, bio, profile_picture_url, linkedin_profile_url,
      github_profile_url, role, is_professional, email_verified, is_locked, last_login_at, created_at, updated_at""";

  private final JdbcClient jdbc;

  UserReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<UserView> find(UserId id) {
    return jdbc.sql("select " + COLUMNS + " from users where id = :id").param("id", id.value())
        .query(UserReads::view).optional();
  }

  private static UserView view(ResultSet row, int number) throws SQLException {
    return new UserView(UserId.of(row.getObject("id", UUID.class)), row.getString("email"),
        row.getString("nickname"), row.getString("first_name"), row.getString("last_name"), row.getString("bio"),
        row.getString("profile_picture_url"), row.getString("linkedin_profile_url"),
        row.getString("github_profile_url"), Role.valueOf(row.getString("role")), row.getBoolean("is_professional"),
        row.getBoolean("email_verified"), row.getBoolean("is_locked"), instant(row, "last_login_at"),
        instant(row, "created_at"), instant(row, "updated_at"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp timestamp = row.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
