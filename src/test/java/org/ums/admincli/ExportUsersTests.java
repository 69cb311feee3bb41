package org.ums.admincli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;

/** {@code export-users}: the API's CSV, filtered, formula-safe, audited; a file appears only when complete. */
@HttpTest
class ExportUsersTests {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabases.use("ums_console_export", registry);
  }

  @TempDir
  Path folder;
  @Autowired
  ApplicationContext context;
  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void exportsTheMatchingUsersAsFormulaSafeCsvAndRecordsTheExport() throws IOException {
    String marker = "exportmark" + Math.abs(Emails.unique("m").hashCode());
    String plain = Emails.unique(marker + "-plain");
    String formula = Emails.unique(marker + "-formula");
    api.postJson("/register/", body("email", plain, "password", "a long enough secret", "first_name", "Plain"));
    api.postJson("/register/", body("email", formula, "password", "a long enough secret", "first_name", "=1+1",
        "last_name", "Doe, Jane"));
    Path file = folder.resolve("users.csv");
    var console = new ConsoleRunner(context);

    var run = console.run("export-users", file.toString(), "--q", marker, "--role", "ANONYMOUS", "--sort", "email");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Exported 2 users to " + file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("id,email,nickname,first_name,last_name,role");
    assertThat(lines).hasSize(3);
    assertThat(String.join("\n", lines)).contains(",'=1+1,\"Doe, Jane\",ANONYMOUS,").doesNotContain("hashed")
        .doesNotContain("$argon2");
    assertThat(Files.exists(folder.resolve("users.csv.partial"))).isFalse();
    var entry = jdbc.sql("select channel, os_user, details::text as details from audit_events "
        + "where action = 'users_exported' order by occurred_at desc limit 1").query().singleRow();
    assertThat(entry).containsEntry("channel", "console").containsEntry("os_user", ConsoleRunner.OS_USER);
    assertThat((String) entry.get("details")).contains("\"q\": \"" + marker + "\"").contains("\"role\": \"ANONYMOUS\"");
  }

  @Test
  void badFiltersAndAnUnwritableFileFailWithoutLeavingAFile() {
    var console = new ConsoleRunner(context);
    Path file = folder.resolve("bad.csv");

    var badDate = console.run("export-users", file.toString(), "--created-from", "yesterday");
    var badSort = console.run("export-users", file.toString(), "--sort", "password");
    var noFolder = console.run("export-users", folder.resolve("missing/users.csv").toString());
    var noFile = console.run("export-users");

    assertThat(badDate.exitCode()).isEqualTo(2);
    assertThat(badDate.err()).contains("--created-from: This is not an ISO 8601 date");
    assertThat(badSort.exitCode()).isEqualTo(2);
    assertThat(badSort.err()).contains("--sort: Unknown order");
    assertThat(noFolder.exitCode()).isEqualTo(1);
    assertThat(noFolder.err()).contains("Cannot write");
    assertThat(noFile.exitCode()).isEqualTo(2);
    assertThat(Files.exists(file)).isFalse();
  }
}
