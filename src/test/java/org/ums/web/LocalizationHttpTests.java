package org.ums.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ums.support.Api.body;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.ums.support.Api;
import org.ums.support.MessageBundles;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;
import tools.jackson.databind.JsonNode;

/** Answers and emails come in the reader's language: their own choice, else their browser's, else English. */
@HttpTest
class LocalizationHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @Autowired
  Api api;

  @ParameterizedTest(name = "{0} is answered from messages{1}")
  @CsvSource({"en, ''", "es, _es", "fr, _fr", "de, _de", "zh-CN, _zh_CN", "es-MX, _es", "zh, _zh_CN",
      "'ja, es;q=0.8', _es", "'fr;q=0.5, de;q=0.9', _de", "ja, ''", "'', ''"})
  void aValidationErrorIsInTheLanguageOfTheRequest(String acceptLanguage, String bundle) throws IOException {
    Properties messages = bundle("messages" + bundle + ".properties");

    JsonNode problem = register(acceptLanguage, body("email", "not-an-email", "password", PASSWORD));

    assertThat(problem.get("title").asString()).isEqualTo(messages.getProperty("problem.title.422"));
    assertThat(problem.get("detail").asString()).isEqualTo(messages.getProperty("problem.validation"));
    assertThat(problem.get("errors").get(0).get("message").asString())
        .isEqualTo(messages.getProperty("validation.email"));
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("email");
  }

  @Test
  void theUsersOwnLanguageWinsOverTheirBrowsersAndIsValidated() throws IOException {
    var member = api.registerVerifiedMember(Emails.unique("polyglot"), PASSWORD);
    var chosen = patch(member.token(), "en", "{\"preferred_language\": \"fr\", \"time_zone\": \"Europe/Paris\"}");
    assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
    assertThat(chosen.json().get("preferred_language").asString()).isEqualTo("fr");
    assertThat(chosen.json().get("time_zone").asString()).isEqualTo("Europe/Paris");

    var refused = patch(member.token(), "de", "{\"preferred_language\": \"klingon\", \"time_zone\": \"Mars/Olympus\"}");

    assertThat(refused.status()).isEqualTo(422);
    Properties french = bundle("messages_fr.properties");
    assertThat(refused.json().get("detail").asString()).isEqualTo(french.getProperty("problem.validation"));
    JsonNode errors = refused.json().get("errors");
    assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("preferred_language", "time_zone");
    assertThat(errors.toString()).contains("en, de, es, fr, zh-CN");
    assertThat(api.get("/users/me", member.token()).json().get("preferred_language").asString()).isEqualTo("fr");
  }

  @Test
  void theLanguageIsStoredInItsOwnSpellingAndNullClearsIt() {
    var member = api.registerVerifiedMember(Emails.unique("spelling"), PASSWORD);

    assertThat(patch(member.token(), "en", "{\"preferred_language\": \"ZH_cn\"}").json()
        .get("preferred_language").asString()).isEqualTo("zh-CN");
    assertThat(patch(member.token(), "en", "{\"preferred_language\": null, \"time_zone\": null}").json()
        .get("preferred_language").isNull()).isTrue();
  }

  @Test
  void aVerificationEmailIsInTheLanguageTheRegistrationAskedFor() throws IOException {
    String email = Emails.unique("nuevo");

    var registered = api.send(api.request("/register/", null).header("Content-Type", "application/json")
        .header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD
            + "\"}")));

    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.json().get("preferred_language").asString()).isEqualTo("es");
    assertThat(MailInbox.awaitMessage(email).subject())
        .isEqualTo(bundle("messages_es.properties").getProperty("mail.email_verification.subject"));
  }

  @Test
  void anEmailIsInTheRecipientsLanguageAndZoneNotInTheLanguageOfWhoeverCausedIt() throws IOException {
    String admin = api.loginAsAdmin();
    String email = Emails.unique("madrid");
    var created = api.postJson("/users/", body("email", email, "password", PASSWORD, "preferred_language", "es",
        "time_zone", "Europe/Madrid"), admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();

    var locked = api.send(api.request("/users/" + id + "/lock", admin).header("Accept-Language", "de")
        .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(locked.status()).isEqualTo(200);
    Properties spanish = bundle("messages_es.properties");
    String subject = spanish.getProperty("mail.account_locked.subject");
    var notice = await().atMost(Duration.ofSeconds(20)).until(() -> MailInbox.messagesTo(email).stream()
        .filter(message -> message.subject().equals(subject)).findFirst(), java.util.Optional::isPresent).get();
    assertThat(notice.text()).contains(spanish.getProperty("mail.account_locked.body"));
    // Madrid is an hour or two ahead of UTC; the zone's Spanish short name is CET or CEST.
    assertThat(notice.text()).containsPattern("\\d{1,2} de [a-z]+ de \\d{4}, \\d{2}:\\d{2} CES?T");
  }

  @ParameterizedTest(name = "{0} is refused from messages{1}")
  @CsvSource({"'ja, fr;q=0.9', _fr", "zh-TW, _zh_CN", "'de-AT;q=0.4, es-MX;q=0.8', _es", "ja, ''"})
  void aRefusalByTheSecurityFiltersFollowsTheSameLanguageRules(String acceptLanguage, String bundle)
      throws IOException {
    var refused = api.send(api.request("/users/me", "not-a-token").header("Accept-Language", acceptLanguage).GET());

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("detail").asString())
        .isEqualTo(bundle("messages" + bundle + ".properties").getProperty("problem.unauthenticated"));
  }

  @Test
  void registeringInAnUnservedLanguageChoosesNone() {
    var registered = api.send(api.request("/register/", null).header("Content-Type", "application/json")
        .header("Accept-Language", "ja").POST(HttpRequest.BodyPublishers.ofString("{\"email\": \""
            + Emails.unique("tokyo") + "\", \"password\": \"" + PASSWORD + "\"}")));

    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.json().get("preferred_language").isNull()).isTrue();
  }

  @Test
  void securityRefusalsAreInTheLanguageOfTheRequestToo() throws IOException {
    var anonymous = api.send(api.request("/users/me", null).header("Accept-Language", "es").GET());
    var member = api.registerVerifiedMember(Emails.unique("refused"), PASSWORD);
    patch(member.token(), "en", "{\"preferred_language\": \"de\"}");
    var forbidden = api.send(api.request("/users/", member.token()).header("Accept-Language", "fr").GET());

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().get("detail").asString())
        .isEqualTo(bundle("messages_es.properties").getProperty("problem.unauthenticated"));
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().get("detail").asString())
        .isEqualTo(bundle("messages_de.properties").getProperty("problem.forbidden"));
  }

  @Test
  void theLanguagesAreListedWithTheirOwnNames() {
    var languages = api.send(api.request("/languages", null).header("Accept-Language", "fr").GET());

    assertThat(languages.status()).isEqualTo(200);
    assertThat(languages.json().findValuesAsString("code")).containsExactly("en", "de", "es", "fr", "zh-CN");
    assertThat(languages.json().get(3).get("name").asString()).isEqualTo("français");
    assertThat(languages.json().get(1).get("display_name").asString()).isEqualTo("allemand");
    assertThat(languages.json().get(0).get("is_default").asBoolean()).isTrue();
  }

  private JsonNode register(String acceptLanguage, Object body) {
    var request = api.request("/register/", null).header("Content-Type", "application/json");
    if (!acceptLanguage.isEmpty()) {
      request.header("Accept-Language", acceptLanguage);
    }
    var response = api.send(request.POST(HttpRequest.BodyPublishers.ofString(
        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body))));
    assertThat(response.status()).isEqualTo(422);
    return response.json();
  }

  private Api.Response patch(String token, String acceptLanguage, String json) {
    return api.send(api.request("/users/me", token).header("Content-Type", "application/json")
        .header("Accept-Language", acceptLanguage).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  private static Properties bundle(String name) {
    return MessageBundles.load(name);
  }
}
