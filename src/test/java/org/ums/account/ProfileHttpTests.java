package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A user edits their own profile, and anyone reads its public part by nickname. */
@HttpTest
class ProfileHttpTests {

  private static final String PASSWORD = "a long enough secret";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired
  Api api;

  @Test
  void userEditsOwnProfileClearsAFieldWithNullAndReadsItBack() {
    var member = api.registerVerifiedMember(Emails.unique("editor"), PASSWORD);
    String nickname = "editor_" + member.id().substring(0, 8);

    var edited = patch(member.token(), body("nickname", nickname, "first_name", "Ada", "last_name", "Lovelace",
        "bio", "Wrote the first program.", "location", "London", "linkedin_profile_url",
        "https://www.linkedin.com/in/ada", "github_profile_url", "https://github.com/ada"));
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    JsonNode me = api.get("/users/me", member.token()).json();
    assertThat(me.get("nickname").asString()).isEqualTo(nickname);
    assertThat(me.get("first_name").asString()).isEqualTo("Ada");
    assertThat(me.get("location").asString()).isEqualTo("London");
    assertThat(me.get("github_profile_url").asString()).isEqualTo("https://github.com/ada");

    var cleared = new HashMap<String, Object>();
    cleared.put("bio", null);
    assertThat(patch(member.token(), cleared).status()).isEqualTo(200);
    me = api.get("/users/me", member.token()).json();
    assertThat(me.get("bio").isNull()).isTrue();
    assertThat(me.get("first_name").asString()).isEqualTo("Ada");
  }

  @Test
  void forbiddenAndUnknownFieldsAre422NamingEachAndChangeNothing() {
    var member = api.registerVerifiedMember(Emails.unique("sneaky"), PASSWORD);

    var refused = patch(member.token(), body("first_name", "Eve", "role", "ADMIN", "email_verified", true,
        "is_professional", true, "is_locked", false, "favourite_colour", "red"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(fields(refused.json())).containsExactlyInAnyOrder("role", "email_verified", "is_professional",
        "is_locked", "favourite_colour");
    JsonNode me = api.get("/users/me", member.token()).json();
    assertThat(me.get("role").asString()).isEqualTo("AUTHENTICATED");
    assertThat(me.get("is_professional").asBoolean()).isFalse();
    assertThat(me.get("first_name").isNull()).isTrue();
  }

  @Test
  void invalidValuesAre422AndATakenNicknameIs409() {
    var member = api.registerVerifiedMember(Emails.unique("careless"), PASSWORD);
    var other = api.registerVerifiedMember(Emails.unique("other"), PASSWORD);
    String taken = api.get("/users/me", other.token()).json().get("nickname").asString();

    var invalid = patch(member.token(), body("bio", "x".repeat(501), "linkedin_profile_url", "javascript:alert(1)",
        "nickname", "no spaces allowed", "first_name", 42, "location", "y".repeat(101), "show_email", "yes"));
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(fields(invalid.json())).contains("first_name", "show_email");
    var second = patch(member.token(), body("bio", "x".repeat(501), "linkedin_profile_url", "javascript:alert(1)",
        "nickname", "no spaces allowed", "location", "y".repeat(101)));
    assertThat(fields(second.json())).containsExactlyInAnyOrder("bio", "linkedin_profile_url", "nickname",
        "location");
    var nullNickname = new HashMap<String, Object>();
    nullNickname.put("nickname", null);
    assertThat(fields(patch(member.token(), nullNickname).json())).containsExactly("nickname");
    assertThat(patch(member.token(), Map.of()).status()).isEqualTo(422);

    assertThat(patch(member.token(), body("nickname", taken.toUpperCase())).status()).isEqualTo(409);
  }

  @Test
  void aLineBreakOrControlCharacterInANameOrPlaceIs422WhereverItIsGivenWhileABioMayHaveLines() {
    var member = api.registerVerifiedMember(Emails.unique("oneline"), PASSWORD);
    String admin = api.loginAsAdmin();

    var own = patch(member.token(), body("first_name", "Ada\nDear customer, click here", "last_name",
        "Love\u2028lace", "location", "London\r", "bio", "Line one.\nLine two.\tTabbed."));
    var registered = api.postJson("/register/", body("email", Emails.unique("oneline"), "password", PASSWORD,
        "first_name", "Grace\u0085Hopper", "last_name", "Hop\u000bper"));
    var byStaff = api.putJson("/users/" + member.id(), body("first_name", "Eve\n", "last_name", "\u001fX"), admin);

    assertThat(own.status()).isEqualTo(422);
    assertThat(fields(own.json())).containsExactlyInAnyOrder("first_name", "last_name", "location");
    assertThat(registered.status()).isEqualTo(422);
    assertThat(fields(registered.json())).containsExactlyInAnyOrder("first_name", "last_name");
    assertThat(byStaff.status()).isEqualTo(422);
    assertThat(fields(byStaff.json())).containsExactlyInAnyOrder("first_name", "last_name");
    assertThat(patch(member.token(), body("bio", "Line one.\r\nLine two.\tTabbed.")).status()).isEqualTo(200);
    assertThat(fields(patch(member.token(), body("bio", "Bell\u0007")).json())).containsExactly("bio");
    assertThat(api.get("/users/me", member.token()).json().get("first_name").isNull()).isTrue();
  }

  @Test
  void editingWithoutATokenIs401() {
    assertThat(api.send(HttpRequest.newBuilder(URI.create(api.base() + "/users/me"))
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"bio\": \"x\"}"))).status()).isEqualTo(401);
  }

  @Test
  void publicProfileShowsOnlyPublicFieldsAndTheEmailOnlyWhenItsOwnerChoseTo() {
    String email = Emails.unique("public");
    var member = api.registerVerifiedMember(email, PASSWORD);
    String nickname = "public_" + member.id().substring(0, 8);
    assertThat(patch(member.token(), body("nickname", nickname, "first_name", "Grace", "bio", "Compilers."))
        .status()).isEqualTo(200);

    var profile = api.get("/profiles/" + nickname.toUpperCase());
    assertThat(profile.status()).isEqualTo(200);
    assertThat(profile.header("Cache-Control")).contains("max-age=60");
    JsonNode json = profile.json();
    assertThat(json.get("nickname").asString()).isEqualTo(nickname);
    assertThat(json.get("first_name").asString()).isEqualTo("Grace");
    assertThat(json.get("email").isNull()).isTrue();
    assertThat(json.has("role")).isFalse();
    assertThat(json.has("is_locked")).isFalse();
    assertThat(json.has("id")).isFalse();

    assertThat(patch(member.token(), body("show_email", true)).status()).isEqualTo(200);
    assertThat(api.get("/profiles/" + nickname).json().get("email").asString()).isEqualTo(email);

    assertThat(api.get("/profiles/nobody_has_this_nickname").status()).isEqualTo(404);
    assertThat(api.get("/profiles/a").status()).isEqualTo(404);
  }

  @Test
  void unverifiedAccountsHaveNoPublicProfile() {
    var registered = api.postJson("/register/", body("email", Emails.unique("unverified"), "password", PASSWORD));
    String nickname = registered.json().get("nickname").asString();
    assertThat(api.get("/profiles/" + nickname).status()).isEqualTo(404);
  }

  private Api.Response patch(String token, Map<String, Object> patch) {
    return api.send(api.request("/users/me", token)
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(patch))));
  }

  private static java.util.List<String> fields(JsonNode problem) {
    return problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList();
  }
}
