package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.Api;
import org.ums.support.HttpTest;
import tools.jackson.databind.JsonNode;

/** Managers and administrators search the user list by term, filters and order, in a database of their own. */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserSearchHttpTests {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabases.use("ums_user_search", registry);
  }

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  private String admin;

  @BeforeAll
  void loadUsers() {
    // 12,000 generated users (more than the exact count), then a few with names to look for.
    jdbc.sql("""
        insert into users (id, email, nickname, hashed_password, role, email_verified, created_at, updated_at,
                           last_login_at)
        select gen_random_uuid(), 'filler' || n || '@example.com', 'filler_' || n, 'x',
               case when n % 10 = 0 then 'ANONYMOUS' else 'AUTHENTICATED' end, n % 10 <> 0,
               timestamptz '2024-01-01' + n * interval '1 minute', timestamptz '2024-01-01',
               case when n % 3 = 0 then null else timestamptz '2025-01-01' + n * interval '1 minute' end
        from generate_series(1, 12000) n""").update();
    person("Renée", "Lefèvre", "renee@example.com", "renee_l", "AUTHENTICATED", "2023-05-01T10:00:00Z", false);
    person("José", "García", "jose@example.com", "pepe", "MANAGER", "2023-06-01T10:00:00Z", true);
    person("Zoë", "O'Brien", "zoe@example.com", "zo_e", "ADMIN", "2023-07-01T10:00:00Z", false);
    person("Ana", "Dvořák", "ana_100%@example.com", "ana_pct", "AUTHENTICATED", "2023-08-01T10:00:00Z", false);
    person("=HYPERLINK(\"http://evil.example\",\"x\")", "@SUM(1+1)", "formula@example.com", "formula", "AUTHENTICATED",
        "2023-09-01T10:00:00Z", false);
    admin = api.loginAsAdmin();
  }

  @Test
  void aTermMatchesAnyNamePartIgnoringCaseAndAccents() {
    assertThat(emails("q=lefevre")).containsExactly("renee@example.com");
    assertThat(emails("q=RENÉE")).containsExactly("renee@example.com");
    assertThat(emails("q=garcia")).containsExactly("jose@example.com");
    assertThat(emails("q=pepe")).containsExactly("jose@example.com");
    assertThat(emails("q=dvorak")).containsExactly("ana_100%@example.com");
    assertThat(emails("q=o'brien")).containsExactly("zoe@example.com");
  }

  @Test
  void oneAndTwoCharacterTermsAreSubstringsToo() {
    // "ř" is "r" once accents are ignored: every named person has one, and none of them spells it "ř" but Ana.
    assertThat(emails("q=%C5%99")).contains("renee@example.com", "jose@example.com", "ana_100%@example.com");
    assertThat(emails("q=zo&sort=email")).contains("zoe@example.com");
    assertThat(emails("q=%C3%AB&limit=100")).contains("zoe@example.com"); // "ë" is "e"
    // The bootstrap administrator's nickname is drawn at random and may hold any pair of letters.
    assertThat(emails("q=ja&limit=100")).filteredOn(email -> !email.equals(Api.ADMIN_EMAIL)).isEmpty();
  }

  @Test
  void likeMetacharactersAreOrdinaryCharacters() {
    assertThat(emails("q=%25")).containsExactly("ana_100%@example.com");
    assertThat(emails("q=a_1")).filteredOn(email -> !email.equals(Api.ADMIN_EMAIL))
        .containsExactly("ana_100%@example.com");
    assertThat(emails("q=%5C")).isEmpty();
    assertThat(emails("q=x%27%20or%201%3D1--")).isEmpty();
  }

  @Test
  void filtersCombine() {
    assertThat(emails("role=MANAGER")).containsExactly("jose@example.com");
    assertThat(emails("role=MANAGER&role=ADMIN&sort=email")).contains("jose@example.com", "zoe@example.com")
        .doesNotContain("renee@example.com");
    assertThat(emails("role=manager,admin&is_professional=true")).containsExactly("jose@example.com");
    assertThat(emails("created_from=2023-06-01&created_to=2023-07-01T10:00:00Z"))
        .containsExactly("jose@example.com");
    assertThat(total("email_verified=false")).isEqualTo(1200 + 5);
    assertThat(total("role=ANONYMOUS&created_from=2024-01-01&created_to=2024-01-02")).isEqualTo(143);
  }

  @Test
  void countsAreExactUpToTenThousandThenALowerBound() {
    JsonNode all = list("limit=5");
    assertThat(all.get("total").asLong()).isEqualTo(10_000);
    assertThat(all.get("total_is_exact").asBoolean()).isFalse();
    assertThat(rels(all)).doesNotContain("last").contains("next");

    JsonNode some = list("role=ANONYMOUS&limit=5");
    assertThat(some.get("total").asLong()).isEqualTo(1200);
    assertThat(some.get("total_is_exact").asBoolean()).isTrue();
    assertThat(rels(some)).contains("last");
  }

  @Test
  void sortsInEachOrderWithAStableTiebreak() {
    List<String> byEmail = emails("q=example.com&sort=email&limit=5");
    assertThat(byEmail).isSorted();
    List<String> byNicknameDesc = nicknames("sort=-nickname&limit=5");
    assertThat(byNicknameDesc).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    JsonNode neverLoggedInLast = list("sort=last_login_at&role=MANAGER,ADMIN");
    assertThat(neverLoggedInLast.get("items").size()).isPositive();
  }

  @Test
  void theNextLinkWalksTheWholeListByCursorKeepingTheFilters() {
    // More than 10,000 match, so the count is a lower bound and the walk goes by cursor from the first page,
    // through users who never logged in (they sort first, descending) and those who did.
    long verified = jdbc.sql("select count(*) from users where email_verified").query(Long.class).single();
    assertThat(verified).isGreaterThan(10_000);
    Set<String> seen = new LinkedHashSet<>();
    String next = "/users/?email_verified=true&sort=-last_login_at&limit=100";
    String previousLogin = null;
    boolean sawNulls = false;
    while (next != null) {
      assertThat(next).contains("email_verified=true", "sort=-last_login_at");
      JsonNode page = api.get(next, admin).json();
      for (JsonNode user : page.get("items")) {
        assertThat(user.get("email_verified").asBoolean()).isTrue();
        assertThat(seen.add(user.get("id").asString())).as("each user once").isTrue();
        String login = user.get("last_login_at").isNull() ? null : user.get("last_login_at").asString();
        if (login == null) {
          assertThat(previousLogin).as("never logged in comes first, descending").isNull();
          sawNulls = true;
        } else if (previousLogin != null) {
          assertThat(Instant.parse(login)).isBeforeOrEqualTo(Instant.parse(previousLogin));
        }
        previousLogin = login == null ? previousLogin : login;
      }
      next = link(page, "next");
    }
    assertThat(sawNulls).isTrue();
    assertThat(seen).hasSize((int) verified);
  }

  @Test
  void adminsExportWhatTheyFilteredAsCsvWithoutSecretsAndTheExportIsAudited() {
    var export = api.send(api.request("/users/export.csv?role=MANAGER,ADMIN&sort=email", admin).GET());

    assertThat(export.status()).isEqualTo(200);
    assertThat(export.contentType()).startsWith("text/csv");
    assertThat(export.header("Content-Disposition")).contains("users.csv");
    String[] lines = export.body().split("\r\n");
    assertThat(lines[0]).startsWith("id,email,nickname,first_name,last_name,role").doesNotContain("password");
    assertThat(lines).anySatisfy(line -> assertThat(line).contains(",jose@example.com,pepe,José,García,MANAGER,"));
    assertThat(export.body()).doesNotContain("argon2", ",x,");
    var audit = api.get("/audit-events/?action=users_exported", admin).json().get("items").get(0);
    assertThat(audit.get("details").get("filters").get("role").asString()).isEqualTo("MANAGER,ADMIN");
  }

  @Test
  void exportedCellsThatASpreadsheetWouldRunAreNeutralised() {
    String body = api.get("/users/export.csv?q=formula", admin).body();

    assertThat(body).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", ",'@SUM(1+1),");
  }

  @Test
  void theWholeListExportsAndOnlyAdministratorsMayExport() {
    String body = api.get("/users/export.csv", admin).body();
    long users = jdbc.sql("select count(*) from users").query(Long.class).single();

    assertThat(body.split("\r\n")).hasSize((int) users + 1);
    assertThat(api.get("/users/export.csv").status()).isEqualTo(401);
    assertThat(api.get("/users/export.csv?sort=password", admin).status()).isEqualTo(422);
  }

  @Test
  void badParametersAre422NamingEach() {
    var response = api.get("/users/?role=KING&sort=password&skip=10001&limit=0&created_from=yesterday"
        + "&q=" + "x".repeat(101), admin);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("role",
        "sort", "skip", "limit", "created_from", "q");
    assertThat(api.get("/users/?after=garbage", admin).status()).isEqualTo(422);
    assertThat(api.get("/users/?is_locked=maybe", admin).status()).isEqualTo(422);
    String cursor = link(list("limit=1"), "next").replaceAll(".*after=([^&]+).*", "$1");
    assertThat(api.get("/users/?sort=email&after=" + cursor, admin).status()).isEqualTo(422);
    assertThat(api.get("/users/?skip=10&after=" + cursor, admin).status()).isEqualTo(422);
  }

  private void person(String first, String last, String email, String nickname, String role, String createdAt,
      boolean professional) {
    jdbc.sql("""
        insert into users (id, email, nickname, hashed_password, first_name, last_name, role, is_professional,
                           email_verified, created_at, updated_at)
        values (:id, :email, :nickname, 'x', :first, :last, :role, :professional, false, :created, :created)""")
        .param("id", UUID.randomUUID()).param("email", email).param("nickname", nickname).param("first", first)
        .param("last", last).param("role", role).param("professional", professional)
        .param("created", Timestamp.from(Instant.parse(createdAt))).update();
  }

  private JsonNode list(String query) {
    var response = api.get("/users/?" + query, admin);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private long total(String query) {
    return list(query).get("total").asLong();
  }

  private List<String> emails(String query) {
    List<String> emails = new ArrayList<>();
    list(query).get("items").forEach(user -> emails.add(user.get("email").asString()));
    return emails;
  }

  private List<String> nicknames(String query) {
    List<String> nicknames = new ArrayList<>();
    list(query).get("items").forEach(user -> nicknames.add(user.get("nickname").asString()));
    return nicknames;
  }

  private static List<String> rels(JsonNode page) {
    return page.get("links").findValuesAsString("rel");
  }

  private static String link(JsonNode page, String rel) {
    for (JsonNode link : page.get("links")) {
      if (link.get("rel").asString().equals(rel)) {
        return link.get("href").asString();
      }
    }
    return null;
  }
}
