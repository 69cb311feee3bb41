package org.ums.admincli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.HttpTest;

/** {@code reset-database}: refuses without its flag, and then leaves an empty, fully migrated database. */
@HttpTest
class ResetDatabaseTests {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabases.use("ums_console_reset", registry);
  }

  @TempDir
  Path folder;
  @Autowired
  ApplicationContext context;
  @Autowired
  JdbcClient jdbc;

  @Test
  void resetDropsEveryTableAndMigratesAgainOnlyWhenTheOperatorIsSure() throws IOException {
    var console = new ConsoleRunner(context);
    Path file = Files.writeString(folder.resolve("users.csv"), "email\none@example.com\ntwo@example.com\n");
    assertThat(console.run("import-users", file.toString()).exitCode()).isZero();
    long before = count("users");

    var unsure = console.run("reset-database");
    assertThat(unsure.exitCode()).isEqualTo(2);
    assertThat(unsure.err()).contains("--yes-i-am-sure");
    assertThat(count("users")).isEqualTo(before);

    var sure = console.run("reset-database", "--yes-i-am-sure");

    assertThat(sure.exitCode()).isZero();
    assertThat(sure.out()).contains("The database ums_console_reset was emptied");
    assertThat(count("users")).isZero();
    assertThat(count("audit_events")).isZero();
    assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
        .isEqualTo(jdbc.sql("select max(installed_rank) from flyway_schema_history").query(Long.class).single());
    assertThat(console.run("db", "info").out()).contains(", 0 pending;");
    // The audit log is append-only again after the reset: its trigger was created anew.
    assertThat(console.run("import-users", file.toString()).exitCode()).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from audit_events").update())
        .rootCause().hasMessageContaining("append-only");
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
