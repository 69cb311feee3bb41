package org.ums.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ums.embeddeddatabase.TestDatabases;

/**
 * The console as operators run it: a process of its own started through the application's main class with
 * {@code admin} first, configured by environment variables only, without a web server, answering with exit codes.
 */
class ConsoleProcessTests {

  private static String databaseUrl;

  @BeforeAll
  static void database() {
    databaseUrl = TestDatabases.fresh("ums_console_process");
  }

  /** What a process printed and how it ended. */
  record Outcome(int exitCode, String out, String err) {
  }

  @Test
  void runsCommandsWithoutAWebServerAndAnswersWithExitCodes() throws Exception {
    var unmigrated = run("", "db", "info");
    assertThat(unmigrated.exitCode()).as(unmigrated.toString()).isZero();
    assertThat(unmigrated.out()).contains("(Pending)").contains("0 migrations applied");
    var migrated = run("", "db", "migrate");
    assertThat(migrated.exitCode()).as(migrated.toString()).isZero();
    assertThat(migrated.out()).containsPattern("Applied \\d+ migrations.");
    var created = run("a long enough secret\n", "create-admin", "--email", "operator@example.com", "--password-stdin");
    var badUsage = run("", "set-role", "--email", "operator@example.com");
    var failed = run("", "lock", "--email", "nobody@example.com");

    assertThat(created.exitCode()).as(created.toString()).isZero();
    assertThat(created.out()).contains("Created the administrator operator@example.com.");
    assertThat(badUsage.exitCode()).isEqualTo(2);
    assertThat(badUsage.err()).contains("Missing required options");
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).contains("No such user.");
    for (Outcome outcome : List.of(unmigrated, migrated, created, badUsage, failed)) {
      assertThat(outcome.out() + outcome.err()).doesNotContain("Tomcat").doesNotContain("Started UmsApplication")
          .doesNotContain("Exception");
    }
  }

  private static Outcome run(String stdin, String... args) throws IOException, InterruptedException {
    var command = new ArrayList<String>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-Duser.language=en", "-Duser.name=process-operator",
        "-cp", System.getProperty("java.class.path"), "org.ums.UmsApplication", "admin"));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command);
    builder.environment().put("SPRING_DATASOURCE_URL", databaseUrl);
    builder.environment().put("SPRING_DATASOURCE_USERNAME", TestDatabases.user());
    builder.environment().put("SPRING_DATASOURCE_PASSWORD", TestDatabases.password());
    builder.environment().put("SERVER_PORT", "1");
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    var out = process.inputReader(StandardCharsets.UTF_8);
    var err = process.errorReader(StandardCharsets.UTF_8);
    var outText = new StringBuilder();
    var errText = new StringBuilder();
    Thread drainErr = new Thread(() -> err.lines().forEach(line -> errText.append(line).append('\n')));
    drainErr.start();
    out.lines().forEach(line -> outText.append(line).append('\n'));
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("The console did not finish: " + outText + errText);
    }
    drainErr.join();
    return new Outcome(process.exitValue(), outText.toString(), errText.toString());
  }
}
