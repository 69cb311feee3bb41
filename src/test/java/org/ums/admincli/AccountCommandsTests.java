package org.ums.admincli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/**
 * The one-account commands through picocli's in-process runner, against the running service on a database of its
 * own: the state they leave, the audit entries (channel console, the OS user) and the emails, as the API's.
 */
@HttpTest
class AccountCommandsTests {

  private static final String PASSWORD = "a long enough secret";

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabases.use("ums_console_accounts", registry);
  }

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
  void createAdminOpensAVerifiedAdministratorWhoLogsInWithThePasswordFromStandardInput() {
    String email = Emails.unique("operator");

    var run = console.withInput(PASSWORD + "\n", "create-admin", "--email", email, "--password-stdin");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Created the administrator " + email);
    String token = api.login(email, PASSWORD);
    var me = api.get("/users/me", token).json();
    assertThat(me.get("role").asString()).isEqualTo("ADMIN");
    assertThat(me.get("email_verified").asBoolean()).isTrue();
    var audit = audit(me.get("id").asString());
    assertThat(audit).extracting(row -> row.get("action")).containsExactly("user_created");
    assertThat(audit.get(0)).containsEntry("channel", "console").containsEntry("os_user", ConsoleRunner.OS_USER)
        .containsEntry("actor_role", "ADMIN");
    assertThat(audit.get(0).get("actor_id")).isNull();
    assertThat((String) audit.get(0).get("request_id")).startsWith("console-");
  }

  @Test
  void createAdminPromotesAnUnverifiedAccountAndTellsItsOwner() {
    String email = Emails.unique("promoted");
    String id = api.postJson("/register/", body("email", email, "password", PASSWORD)).json().get("id").asString();

    var run = console.run("create-admin", "--email", email);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(email + " is now a verified, unlocked administrator");
    var me = api.get("/users/me", api.login(email, PASSWORD)).json();
    assertThat(me.get("role").asString()).isEqualTo("ADMIN");
    awaitEmail(email, "ADMIN");
    assertThat(audit(id)).extracting(row -> row.get("action"))
        .containsExactlyInAnyOrder("email_verified", "role_changed", "role_changed", "user_created");
    assertThat(console.run("create-admin", "--email", email).out()).contains("is an administrator already");
  }

  @Test
  void createAdminRefusesANewAccountWithoutAPasswordOrWithAWeakOne() {
    String email = Emails.unique("nopassword");

    var none = console.run("create-admin", "--email", email);
    var weak = console.withInput("password\n", "create-admin", "--email", email, "--password-stdin");
    var asArgument = console.run("create-admin", "--email", email, "--password", PASSWORD);

    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).contains("--password-stdin");
    assertThat(weak.exitCode()).isEqualTo(1);
    assertThat(weak.err()).contains("password: This password is too common");
    assertThat(asArgument.exitCode()).isEqualTo(2);
    assertThat(asArgument.err()).contains("Wrong usage: unknown option or argument --password")
        .doesNotContain(PASSWORD);
    assertThat(jdbc.sql("select count(*) from users where email = cast(? as citext)").param(email)
        .query(Long.class).single()).isZero();
  }

  @Test
  void setRoleFollowsTheApiRulesAndEmailsTheReason() {
    var member = api.registerVerifiedMember(Emails.unique("member"), PASSWORD);
    String email = emailOf(member.id());

    var run = console.run("set-role", "--email", email, "--role", "manager", "--reason", "Runs the support desk");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(email + " has the role MANAGER");
    awaitEmail(email, "Runs the support desk");
    var entry = audit(member.id()).get(0);
    assertThat(entry).containsEntry("action", "role_changed").containsEntry("channel", "console")
        .containsEntry("os_user", ConsoleRunner.OS_USER);
    assertThat((String) entry.get("details")).contains("\"reason\": \"Runs the support desk\"")
        .contains("\"new_role\": \"MANAGER\"");
  }

  @Test
  void setRoleAnswersBadUsageWithTwoAndFailedRulesWithOne() {
    String email = emailOf(api.registerVerifiedMember(Emails.unique("rules"), PASSWORD).id());

    var unknownRole = console.run("set-role", "--email", email, "--role", "BOSS", "--reason", "x");
    var noReason = console.run("set-role", "--email", email, "--role", "MANAGER");
    var blankReason = console.run("set-role", "--email", email, "--role", "MANAGER", "--reason", " ");
    var nobody = console.run("set-role", "--email", "nobody@example.com", "--role", "MANAGER", "--reason", "x");

    assertThat(unknownRole.exitCode()).isEqualTo(2);
    assertThat(unknownRole.err()).contains("ANONYMOUS, AUTHENTICATED, MANAGER, ADMIN");
    assertThat(noReason.exitCode()).isEqualTo(2);
    assertThat(noReason.err()).contains("--reason");
    assertThat(blankReason.exitCode()).isEqualTo(1);
    assertThat(blankReason.err()).contains("reason: This field is required.");
    assertThat(nobody.exitCode()).isEqualTo(1);
    assertThat(nobody.err()).contains("No such user.");
  }

  @Test
  void theLastAdministratorKeepsTheRole() {
    // This database's only administrators are the bootstrap one and those other tests appoint: demote all but one.
    List<String> admins = jdbc.sql("select email from users where role = 'ADMIN' and not is_locked order by email")
        .query(String.class).list();
    for (String other : admins.subList(1, admins.size())) {
      assertThat(console.run("lock", "--email", other).exitCode()).isZero();
    }

    var run = console.run("set-role", "--email", admins.get(0), "--role", "MANAGER", "--reason", "x");
    var lock = console.run("lock", "--email", admins.get(0));
    var delete = console.run("delete-user", "--email", admins.get(0), "--yes");

    for (String other : admins.subList(1, admins.size())) {
      assertThat(console.run("unlock", "--email", other).exitCode()).isZero();
    }
    assertThat(List.of(run.exitCode(), lock.exitCode(), delete.exitCode())).containsOnly(1);
    assertThat(run.err()).contains("This is the last administrator");
  }

  @Test
  void lockAndUnlockEmailTheOwnerAndAreAudited() {
    var member = api.registerVerifiedMember(Emails.unique("locked"), PASSWORD);
    String email = emailOf(member.id());

    var lock = console.run("lock", "--email", email);
    int loginWhileLocked = api.postForm("/login/", Map.of("username", email, "password", PASSWORD)).status();
    var unlock = console.run("unlock", "--email", email);

    assertThat(lock.exitCode()).isZero();
    assertThat(lock.out()).contains(email + " is locked.");
    assertThat(loginWhileLocked).isEqualTo(400);
    assertThat(unlock.exitCode()).isZero();
    assertThat(api.login(email, PASSWORD)).isNotBlank();
    awaitEmail(email, "unlocked");
    assertThat(audit(member.id())).extracting(row -> row.get("action"))
        .startsWith("user_unlocked", "user_locked");
  }

  @Test
  void verifyEmailMakesAnAnonymousUserAuthenticated() {
    String email = Emails.unique("unverified");
    api.postJson("/register/", body("email", email, "password", PASSWORD));

    var run = console.run("verify-email", "--email", email);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("AUTHENTICATED");
    assertThat(api.get("/users/me", api.login(email, PASSWORD)).json().get("role").asString())
        .isEqualTo("AUTHENTICATED");
  }

  @Test
  void deleteUserNeedsYesAndThenDeletesForGood() {
    var member = api.registerVerifiedMember(Emails.unique("deleted"), PASSWORD);
    String email = emailOf(member.id());

    var unconfirmed = console.run("delete-user", "--email", email);
    assertThat(unconfirmed.exitCode()).isEqualTo(2);
    assertThat(unconfirmed.err()).contains("--yes");
    assertThat(api.login(email, PASSWORD)).isNotBlank();

    var confirmed = console.run("delete-user", "--email", email, "--yes");
    assertThat(confirmed.exitCode()).isZero();
    assertThat(api.postForm("/login/", Map.of("username", email, "password", PASSWORD)).status()).isEqualTo(401);
    assertThat(audit(member.id()).get(0)).containsEntry("action", "user_deleted").containsEntry("channel", "console");
  }

  @Test
  void everyCommandHasHelpAndTheConsoleSpeaksTheOperatorsLanguage() {
    for (String command : List.of("create-admin", "set-role", "lock", "unlock", "verify-email", "delete-user",
        "import-users", "export-users", "reset-database", "db")) {
      var help = console.run(command, "--help");
      assertThat(help.exitCode()).as(command).isZero();
      assertThat(help.out()).as(command).contains("Usage: ums-admin " + command).contains("--help");
    }
    var none = console.run();
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("Name a command");

    var german = console.in(Locale.GERMAN);
    assertThat(german.run("set-role", "--help").out()).contains("Aufruf:").contains("Einem Konto eine andere Rolle");
    assertThat(german.run("lock", "--email", "nobody@example.com").err()).contains("Diesen Benutzer gibt es nicht");
    assertThat(console.in(Locale.forLanguageTag("es-MX")).run("delete-user", "--email", "x@example.com").err())
        .contains("añade --yes");
  }

  @Test
  void dbInfoListsTheMigrationsAndMigrateHasNothingLeftToDo() {
    var info = console.run("db", "info");
    var migrate = console.run("db", "migrate");
    var neither = console.run("db");

    assertThat(info.exitCode()).isZero();
    assertThat(info.out()).contains("Version 1: create event publication (Success)")
        .containsPattern("\\d+ migrations applied, 0 pending");
    assertThat(migrate.exitCode()).isZero();
    assertThat(migrate.out()).contains("Applied 0 migrations.");
    assertThat(neither.exitCode()).isEqualTo(2);
  }

  /** Waits for an email to {@code address} that says {@code text}, whichever of its emails arrives first. */
  static void awaitEmail(String address, String text) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> MailInbox
        .messagesTo(address).stream().anyMatch(email -> email.subject().contains(text) || email.text().contains(text)));
  }

  private String emailOf(String id) {
    return jdbc.sql("select email from users where id = cast(? as uuid)").param(id).query(String.class).single();
  }

  /** The changes recorded about {@code target}; the logins the tests make to look are left out. */
  private List<Map<String, Object>> audit(String target) {
    return jdbc.sql("""
            select action, actor_id, actor_role, channel, os_user, request_id, details::text as details
            from audit_events where target_id = cast(? as uuid) and action not like 'login%'
            order by occurred_at desc, action""")
        .param(target).query().listOfRows();
  }
}
