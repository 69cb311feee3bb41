package org.ums.admincli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
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
import org.ums.support.MailInbox;

/** {@code import-users} against the running service: what it imports, what it refuses and how it says so. */
@HttpTest
class ImportUsersTests {

  private static final String PASSWORD = "a long enough secret";
  private static final String HEADER = "last_name,email,first_name,nickname,role,bio,github_profile_url";

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabases.use("ums_console_import", registry);
  }

  @TempDir
  Path folder;
  @Autowired
  ApplicationContext context;
  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  ConsoleRunner console;

  @BeforeEach
  void console() {
    console = new ConsoleRunner(context);
  }

  @Test
  void importsTheValidRowsInBatchesAndReportsEachRefusedRowWithItsLine() throws IOException {
    String ada = Emails.unique("ada");
    String grace = Emails.unique("grace");
    String alan = Emails.unique("alan");
    String nick = "nick_" + Emails.unique("n").hashCode();
    var csv = new ByteArrayOutputStream();
    csv.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    csv.writeBytes((HEADER + "\r\n"
        + "Lovelace," + ada + ",Ada,,manager,\"Poet of numbers, first programmer\",https://github.com/ada\r\n"
        + "Hopper," + grace + ",Grace," + nick + ",,\"Two lines,\r\nof bio\",\r\n"
        + "Turing,not-an-email,Alan,,,,\r\n"
        + "Turing," + alan + ",Alan,,,,\r\n"
        + "Turing," + alan.toUpperCase() + ",Alan,,,,\r\n"
        + "King," + Emails.unique("king") + ",Alan,,KING,,\r\n"
        + "\"=HYPERLINK(\"\"http://evil\"\")\",evil@example.com,Eve,,,,\r\n"
        + "Short," + Emails.unique("short") + "\r\n"
        + "Copy," + Emails.unique("copy") + ",Nick," + nick.toUpperCase() + ",,,\r\n")
        .getBytes(StandardCharsets.UTF_8));
    csv.writeBytes("Bad,".getBytes(StandardCharsets.UTF_8));
    csv.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
    csv.writeBytes((",Bytes,,,,\r\n"
        + "\r\n"
        + "Last," + Emails.unique("last") + ",Row,,authenticated,,https://github.com/last")
        .getBytes(StandardCharsets.UTF_8));
    Path file = write("users.csv", csv.toByteArray());

    var run = console.run("import-users", file.toString(), "--batch-size", "2");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("Line 5: refused: email: This is not a valid email address.")
        .contains("Line 7: refused: the same email as line 6")
        .contains("Line 8: refused: role: Unknown role")
        .contains("Line 9: refused: last_name: starts like a spreadsheet formula")
        .contains("Line 10: refused: 2 cells where the header has 7")
        .contains("Line 11: refused: the same nickname as line 3")
        .contains("Line 12: refused: the row is not UTF-8 text")
        .contains("11 rows: 4 created, 0 updated, 0 unchanged, 0 skipped, 7 refused.");
    assertThat(run.err()).contains("100% 11 rows read");
    var lovelace = user(ada);
    assertThat(lovelace).containsEntry("first_name", "Ada").containsEntry("role", "MANAGER")
        .containsEntry("bio", "Poet of numbers, first programmer").containsEntry("email_verified", false)
        .containsEntry("github_profile_url", "https://github.com/ada");
    assertThat(lovelace.get("hashed_password")).isNull();
    assertThat((String) lovelace.get("nickname")).isNotBlank();
    assertThat(user(grace)).containsEntry("nickname", nick).containsEntry("bio", "Two lines,\nof bio")
        .containsEntry("role", "ANONYMOUS");
    assertThat(jdbc.sql("select count(*) from users where email = 'evil@example.com'").query(Long.class).single())
        .isZero();
    var audit = jdbc.sql("select action, channel, os_user, details::text as details from audit_events "
        + "where target_id = ?").param(lovelace.get("id")).query().listOfRows();
    assertThat(audit).singleElement().satisfies(entry -> assertThat(entry)
        .containsEntry("action", "user_created").containsEntry("channel", "console")
        .containsEntry("os_user", ConsoleRunner.OS_USER).containsEntry("details", "{\"source\": \"import\"}"));
    // No password yet: the account cannot log in until its owner chooses one.
    assertThat(api.postForm("/login/", Map.of("username", ada, "password", PASSWORD)).status()).isEqualTo(401);
  }

  @Test
  void importingTheSameFileAgainChangesNothingAndSucceeds() throws IOException {
    Path file = write("again.csv", (HEADER + "\n" + "Knuth," + Emails.unique("knuth") + ",Donald,,,,\n"
        + "Liskov," + Emails.unique("liskov") + ",Barbara,,,,\n").getBytes(StandardCharsets.UTF_8));

    var first = console.run("import-users", file.toString());
    long users = countUsers();
    var second = console.run("import-users", file.toString());

    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).contains("2 rows: 2 created");
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("Line 2: skipped: ").contains("has an account already")
        .contains("2 rows: 0 created, 0 updated, 0 unchanged, 2 skipped, 0 refused.");
    assertThat(countUsers()).isEqualTo(users);
  }

  @Test
  void onDuplicateUpdateChangesTheGivenFieldsAndRoleAndOnDuplicateFailRefuses() throws IOException {
    String email = Emails.unique("update");
    console.run("import-users", write("first.csv", (HEADER + "\nOld," + email + ",Name,,,,\n")
        .getBytes(StandardCharsets.UTF_8)).toString());
    Path changed = write("changed.csv", ("email,last_name,role\n" + email + ",New,MANAGER\n")
        .getBytes(StandardCharsets.UTF_8));

    var update = console.run("import-users", changed.toString(), "--on-duplicate", "update");
    var again = console.run("import-users", changed.toString(), "--on-duplicate", "update");
    var fail = console.run("import-users", changed.toString(), "--on-duplicate", "fail");

    assertThat(update.exitCode()).isZero();
    assertThat(update.out()).contains("1 rows: 0 created, 1 updated");
    assertThat(user(email)).containsEntry("last_name", "New").containsEntry("first_name", "Name")
        .containsEntry("role", "MANAGER");
    assertThat(again.out()).contains("0 updated, 1 unchanged");
    assertThat(fail.exitCode()).isEqualTo(1);
    assertThat(fail.out()).contains("Line 2: refused: " + email + " has an account already (--on-duplicate fail).");
    var actions = jdbc.sql("select action from audit_events where target_id = ? order by occurred_at")
        .param(user(email).get("id")).query(String.class).list();
    assertThat(actions).containsExactlyInAnyOrder("user_created", "role_changed", "user_updated");
  }

  @Test
  void aDryRunReportsWithoutWriting() throws IOException {
    String email = Emails.unique("dry");
    Path file = write("dry.csv", ("email\n" + email + "\nbroken\n").getBytes(StandardCharsets.UTF_8));

    var run = console.run("import-users", file.toString(), "--dry-run");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("Dry run, nothing was written. 2 rows: 1 to create")
        .contains("Line 3: refused: email");
    assertThat(jdbc.sql("select count(*) from users where email = cast(? as citext)").param(email)
        .query(Long.class).single()).isZero();
  }

  @Test
  void aFileWhoseHeaderIsWrongImportsNothing() throws IOException {
    String email = Emails.unique("header");
    long users = countUsers();

    var noEmail = console.run("import-users", write("a.csv", "nickname\nsomeone\n".getBytes()).toString());
    var unknown = console.run("import-users",
        write("b.csv", ("email,nick_name,password\n" + email + ",x,y\n").getBytes()).toString());
    var repeated = console.run("import-users", write("c.csv", ("email,email\n" + email + "," + email + "\n")
        .getBytes()).toString());
    var empty = console.run("import-users", write("d.csv", new byte[0]).toString());
    var missing = console.run("import-users", folder.resolve("none.csv").toString());
    var noArgument = console.run("import-users");
    var badOption = console.run("import-users", "x.csv", "--on-duplicate", "merge");

    assertThat(noEmail.err()).contains("The header has no email column");
    assertThat(unknown.err()).contains("Unknown columns: nick_name, password.");
    assertThat(repeated.err()).contains("names the column email twice");
    assertThat(empty.err()).contains("is empty");
    assertThat(missing.err()).contains("There is no file");
    assertThat(List.of(noEmail, unknown, repeated, empty, missing)).allSatisfy(run ->
        assertThat(run.exitCode()).isEqualTo(1));
    assertThat(noArgument.exitCode()).isEqualTo(2);
    assertThat(badOption.exitCode()).isEqualTo(2);
    assertThat(badOption.err()).contains("SKIP, UPDATE, FAIL");
    assertThat(countUsers()).isEqualTo(users);
  }

  @Test
  void aFiftyMegabyteLineAndAnUnclosedQuoteCostOnlyTheirRows() throws IOException {
    String email = Emails.unique("after-huge");
    Path file = folder.resolve("huge.csv");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("email,bio\n".getBytes(StandardCharsets.UTF_8));
      out.write("huge@example.com,".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "x".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
      out.write(("\n" + email + ",fine\n" + "quote@example.com,\"never closed\n").getBytes(StandardCharsets.UTF_8));
    }

    var run = console.run("import-users", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("Line 2: refused: the row is longer than 16 KB")
        .contains("Line 4: refused: a quoted field is not closed")
        .contains("3 rows: 1 created");
    assertThat(user(email)).containsEntry("bio", "fine");
  }

  @Test
  void invitedUsersChooseTheirPasswordThroughTheLinkAndLogIn() throws IOException {
    String email = Emails.unique("invited");
    Path file = write("invite.csv", ("email,first_name\n" + email + ",Ivy\n").getBytes(StandardCharsets.UTF_8));

    var run = console.run("import-users", file.toString(), "--send-invitations");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("1 invitations to choose a password are on their way.");
    var invitation = MailInbox.awaitMessage(email);
    assertThat(invitation.subject()).isEqualTo("Your account is ready: choose a password");
    String path = pagePath(invitation.text());
    var page = api.get(path);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Choose a password").contains("name=\"token\"");
    String token = path.substring(path.indexOf("token=") + 6);

    var weak = api.postForm("/password-reset", Map.of("token", token, "password", "password"));
    assertThat(weak.body()).contains("This password is too common");
    var saved = api.postForm("/password-reset", Map.of("token", token, "password", PASSWORD));
    assertThat(saved.body()).contains("Your password is saved.");
    var me = api.get("/users/me", api.login(email, PASSWORD)).json();
    assertThat(me.get("email_verified").asBoolean()).isTrue();
    assertThat(me.get("role").asString()).isEqualTo("AUTHENTICATED");
    var used = api.postForm("/password-reset", Map.of("token", token, "password", "another long secret"));
    assertThat(used.body()).contains("This link is invalid, already used or expired");
  }

  static String pagePath(String text) {
    Matcher matcher = Pattern.compile("https?://[^\\s/]+(/password-reset\\?token=[A-Za-z0-9_-]+)").matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(folder.resolve(name), content);
  }

  private long countUsers() {
    return jdbc.sql("select count(*) from users").query(Long.class).single();
  }

  private Map<String, Object> user(String email) {
    var row = new java.util.HashMap<>(jdbc.sql("select * from users where email = cast(? as citext)").param(email)
        .query().singleRow());
    // citext columns come back as driver objects.
    row.replaceAll((column, value) -> value instanceof org.postgresql.util.PGobject object ? object.getValue() : value);
    return row;
  }
}
