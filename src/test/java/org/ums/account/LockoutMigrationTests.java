package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.ums.embeddeddatabase.TestDatabases;

/**
 * An installation at V17 upgrades in place: lockouts that the old default kept until an administrator unlocked them
 * end, and an administrator's lock set over a timed lockout no longer runs out by itself.
 */
class LockoutMigrationTests {

  @Test
  void lockoutsOfTheOldDefaultEndAndAdministratorsLocksHoldForGood() {
    var dataSource = new DriverManagerDataSource(TestDatabases.fresh("ums_lockout_migration"), TestDatabases.user(),
        TestDatabases.password());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("17").load().migrate();
    var jdbc = JdbcClient.create(dataSource);
    UUID lockedOut = user(jdbc, "locked-out", false, null);
    UUID suspended = user(jdbc, "suspended", true, Instant.now().plusSeconds(600));
    UUID free = user(jdbc, "free", false, null);
    jdbc.sql("update users set is_locked = false where id = :id").param("id", free).update();

    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

    Timestamp ended = jdbc.sql("select locked_until from users where id = :id").param("id", lockedOut)
        .query(Timestamp.class).single();
    assertThat(ended).isNotNull();
    assertThat(ended.toInstant()).isBeforeOrEqualTo(Instant.now());
    assertThat(jdbc.sql("select locked_until from users where id = :id").param("id", suspended)
        .query(Timestamp.class).optional()).isEmpty();
    assertThat(jdbc.sql("select is_locked from users where id = :id").param("id", suspended)
        .query(Boolean.class).single()).isTrue();
    assertThat(jdbc.sql("select locked_until is null and not is_locked from users where id = :id").param("id", free)
        .query(Boolean.class).single()).isTrue();
  }

  private static UUID user(JdbcClient jdbc, String name, boolean byAdministrator, Instant until) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into users (id, email, nickname, hashed_password, role, created_at, updated_at, is_locked,
                               locked_until, locked_by_administrator)
            values (:id, :email, :nickname, 'not-a-hash', 'AUTHENTICATED', now(), now(), true, :until, :admin)""")
        .param("id", id).param("email", name + "@example.com").param("nickname", name + "_nick")
        .param("until", until == null ? null : Timestamp.from(until)).param("admin", byAdministrator).update();
    return id;
  }
}
