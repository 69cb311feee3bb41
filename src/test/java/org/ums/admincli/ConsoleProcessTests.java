package org.ums.admincli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ums.embeddeddatabase.TestDatabases;

/**
 * The console as operators run it: a process of its own started through the application's main class with
 * {@code admin} first, configured by environment variables only, without a web server, answering with exit codes.
 */
class ConsoleProcessTests {

  private static String databaseUrl;


  /** What a process printed and how it ended. */
  record Outcome(int exitCode, String out, String err) {
  }

  @Test
  void runsCommandsWithoutAWebServerAndAnswersWithExitCodes() throws Exception {
    databaseUrl = TestDatabases.fresh("ums_console_process");
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
    assertThat(badUsage.err()).contains("Wrong usage: missing --role, --reason");
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).contains("No such user.");
    for (Outcome outcome : List.of(unmigrated, migrated, created, badUsage, failed)) {
      assertThat(outcome.out() + outcome.err()).doesNotContain("Tomcat").doesNotContain("Started UmsApplication")
          .doesNotContain("Exception");
    }
  }

  @Test
  void atATerminalThePasswordIsAskedTwiceAndAResetWantsTheDatabaseNameTypedBack() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(SCRIPT) || "true".equals(System.getenv("CI")),
        "util-linux script gives the console a terminal");
    databaseUrl = TestDatabases.fresh("ums_console_terminal");
    var differ = atTerminal("first secret value\nsecond secret value\n", "create-admin", "--email", "tty@example.com");
    var created = atTerminal("a long enough secret\na long enough secret\n", "create-admin", "--email",
        "tty@example.com");
    var wrongName = atTerminal("ums\n", "reset-database", "--yes-i-am-sure");
    var rightName = atTerminal("ums_console_terminal\n", "reset-database", "--yes-i-am-sure");
    Path csv = Files.createTempFile("ums-import", ".csv");
    Files.writeString(csv, "email\nbar@example.com\n");
    var progress = atTerminal("", "import-users", csv.toString());

    assertThat(differ.exitCode()).as(differ.toString()).isEqualTo(1);
    assertThat(differ.out()).contains("Password:").contains("The two passwords differ; nothing was changed.");
    assertThat(created.exitCode()).as(created.toString()).isZero();
    assertThat(created.out()).contains("Created the administrator tty@example.com.");
    assertThat(wrongName.exitCode()).isEqualTo(1);
    assertThat(wrongName.out()).contains("Type the name of the database (ums_console_terminal) to confirm:")
        .contains("That is not ums_console_terminal; nothing was deleted.");
    assertThat(rightName.exitCode()).as(rightName.toString()).isZero();
    assertThat(rightName.out()).contains("The database ums_console_terminal was emptied");
    // At a terminal the progress is a bar redrawn in place; elsewhere it is plain lines.
    assertThat(progress.exitCode()).as(progress.toString()).isZero();
    assertThat(progress.out()).contains("[##############################] 100% 1 rows read");
  }

  private static final Path SCRIPT = Path.of("/usr/bin/script");

  /** Runs the console in a pseudo-terminal of util-linux {@code script}, typing {@code typed}. */
  private static Outcome atTerminal(String typed, String... args) throws IOException, InterruptedException {
    var line = new StringBuilder();
    for (String part : command(args)) {
      line.append('\'').append(part.replace("'", "'\\''")).append("' ");
    }
    return start(typed, List.of(SCRIPT.toString(), "-qec", line.toString(), "/dev/null"));
  }

  private static List<String> command(String... args) {
    var command = new ArrayList<String>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-Duser.language=en", "-Duser.name=process-operator",
        "-cp", System.getProperty("java.class.path"), "org.ums.UmsApplication", "admin"));
    command.addAll(List.of(args));
    return command;
  }

  private static Outcome run(String stdin, String... args) throws IOException, InterruptedException {
    return start(stdin, command(args));
  }

  private static Outcome start(String stdin, List<String> command) throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command);
    builder.environment().put("SPRING_DATASOURCE_URL", databaseUrl);
    builder.environment().put("SPRING_DATASOURCE_USERNAME", TestDatabases.user());
    builder.environment().put("SPRING_DATASOURCE_PASSWORD", TestDatabases.password());
    builder.environment().put("SERVER_PORT", "1");
    builder.environment().put("UMS_MAIL_LOG_ONLY", "true");
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
