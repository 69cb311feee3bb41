package org.ums.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.ums.support.Api;
import org.ums.support.HttpTest;
import org.ums.support.RawHttp;

/** Bytes no well-behaved client sends are the caller's mistake: 400 problem details in their language, never 500. */
@HttpTest
class MalformedRequestsHttpTests {

  private static final String FORM = "application/x-www-form-urlencoded";

  @Autowired
  Api api;
  @Autowired
  Environment environment;

  private RawHttp raw() {
    return new RawHttp(environment.getRequiredProperty("local.server.port", Integer.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/login/", "/login", "/token/refresh", "/password-reset"})
  void aFormBodyThatIsNotUtf8Is400InTheCallersLanguage(String path) {
    var english = raw().send("POST", path, Map.of("Content-Type", FORM), new byte[] {(byte) 0xff, (byte) 0xfe});
    var german = raw().send("POST", path, Map.of("Content-Type", FORM, "Accept-Language", "de"),
        "username=%ff%fe&password=x".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(english.status()).isEqualTo(400);
    assertThat(english.contentType()).startsWith("application/problem+json");
    assertThat(english.body()).contains("The form data cannot be read");
    assertThat(german.status()).isEqualTo(400);
    assertThat(german.body()).contains("Die Formulardaten sind nicht lesbar");
  }

  @Test
  void aBrokenPercentEscapeInAFormIs400() {
    var answer = raw().send("POST", "/login/", Map.of("Content-Type", FORM),
        "username=%zz&password=x".getBytes(StandardCharsets.US_ASCII));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("each % must be followed by two hexadecimal digits");
  }

  @Test
  void aHeaderOutsideAsciiIs400WhereverItIsReadEvenInAHandler() {
    String picture = "/pictures/" + UUID.randomUUID();
    var etag = raw().send("GET", picture, Map.of("If-None-Match", "\"a\u200bb\""));
    var language = raw().send("GET", "/languages", Map.of("Accept-Language", "d\u200be"));
    var token = raw().send("GET", "/users/me", Map.of("Authorization", "Bearer \u200b"));
    var agent = raw().send("POST", "/login/", Map.of("Content-Type", FORM, "User-Agent", "curl\u2028/8"),
        "username=a%40b.c&password=x".getBytes(StandardCharsets.US_ASCII));

    assertThat(agent.status()).isBetween(400, 499);
    for (var answer : new RawHttp.Answer[] {etag, language, token}) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
      assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
      assertThat(answer.body()).doesNotContain("Exception");
    }
    assertThat(etag.body()).contains("characters that are not allowed");
    var german = raw().send("GET", picture, Map.of("If-None-Match", "\"\u2028\"", "Accept-Language", "de"));
    assertThat(german.status()).isEqualTo(400);
    assertThat(german.body()).contains("Zeichen, die in ihrer Adresse oder ihren Kopfzeilen nicht erlaubt sind");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/users/%00", "/users/%ff%fe", "/users/..%2F..%2Fetc", "/profiles/a%2Fb"})
  void aPathThatTomcatRefusesBeforeAnyServletIs400ProblemDetailsInTheCallersLanguage(String path) {
    var english = raw().send("GET", path, Map.of());
    var spanish = raw().send("GET", path, Map.of("Accept-Language", "es-MX"));

    assertThat(english.status()).isEqualTo(400);
    assertThat(english.contentType()).startsWith("application/problem+json");
    assertThat(english.body()).contains("\"status\":400").contains("not allowed in its address");
    assertThat(spanish.body()).contains("no se permiten en su dirección");
  }

  @Test
  void aNulThatReachesTheDatabaseIs400NotA500() {
    var answer = api.get("/notifications/?recipient=a%00b%40example.com", api.loginAsAdmin());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body()).doesNotContain("Exception");
  }

  @Test
  void aJsonBodyThatIsNotUtf8Is400() {
    var answer = raw().send("POST", "/register/", Map.of("Content-Type", "application/json"),
        new byte[] {'{', '"', 'e', 'm', 'a', 'i', 'l', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'});

    assertThat(answer.status()).isIn(400, 422);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }
}
