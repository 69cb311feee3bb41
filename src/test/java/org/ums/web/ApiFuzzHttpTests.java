package org.ums.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.Api;
import org.ums.support.HttpTest;
import org.ums.support.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends every operation of the OpenAPI document hostile input, in its path variables, query parameters, headers and
 * body, as an administrator (who gets furthest) and anonymously: wrong types, huge strings, control and zero-width
 * characters, bytes that are not UTF-8, missing and extra fields, boundary numbers, unknown enum values. No answer may
 * be a 5xx, every answer is problem details or what the document promises, and every documented answer matches the
 * document. On a database of its own, where the bootstrap administrator is the only one (and so never locked out).
 */
@HttpTest
class ApiFuzzHttpTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ZERO_WIDTH = "a\u200bb\u202ec\ufeff";
  private static final List<String> HOSTILE_VALUES = List.of("", "x".repeat(3000), "%00", "%ff%fe", "..%2F..%2Fetc",
      "-1", "99999999999999999999999", "1e308", "null", "%7B%7D", URLEncoder.encode(ZERO_WIDTH, StandardCharsets.UTF_8),
      URLEncoder.encode("line\nbreak\u0007", StandardCharsets.UTF_8), "not-a-uuid", "true", "SUPERUSER");
  private static final List<Object> HOSTILE_JSON_VALUES = List.of(12345, -1, Long.MAX_VALUE, 1e308, true,
      List.of("a", "b"), Map.of("nested", Map.of("deeper", "x")), "", "x".repeat(100_000), ZERO_WIDTH,
      "line\nbreak\r\u0000\u0007", "UNKNOWN_ENUM_VALUE", "9999-99-99T99:99:99Z");

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabases.use("ums_fuzz", registry);
  }

  @Autowired
  Api api;
  @Autowired
  Environment environment;

  record Operation(String method, String path, JsonNode definition) {
  }

  record Answer(String request, int status, String contentType, String body) {
  }

  @Test
  void noHostileInputGetsA5xxAndEveryAnswerMatchesTheDocument() {
    String document = api.get("/openapi.json").body();
    var validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
        .withLevelResolver(LevelResolver.create()
            // Refusals (400, 401, 403, 404, 409, 415, 422) are problem details, checked below, and not listed for
            // every operation.
            .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
            .withLevel("validation.request", ValidationReport.Level.IGNORE)
            .build())
        .build();
    List<Operation> operations = operations(JSON.readTree(document));
    assertThat(operations).hasSizeGreaterThan(40);

    var wrong = new ArrayList<String>();
    int sent = 0;
    for (Operation operation : operations) {
      // A fresh login for each operation: some of them end the caller's sessions.
      String admin = api.loginAsAdmin();
      for (Answer answer : fuzz(operation, admin)) {
        sent++;
        check(answer, operation, validator, wrong);
      }
    }
    writeReport(sent, wrong);
    assertThat(sent).isGreaterThan(1500);
    assertThat(wrong).isEmpty();
  }

  /** The whole list, for whoever reads the build: the assertion's message is cut short. */
  private static void writeReport(int sent, List<String> wrong) {
    try {
      java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
      java.nio.file.Files.writeString(java.nio.file.Path.of("target", "fuzz-report.txt"),
          sent + " requests, " + wrong.size() + " wrong answers\n" + String.join("\n", wrong) + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void check(Answer answer, Operation operation, OpenApiInteractionValidator validator, List<String> wrong) {
    if (answer.status() >= 500) {
      wrong.add(answer.request() + " -> " + answer.status() + " " + abbreviate(answer.body()));
      return;
    }
    if (answer.status() >= 400) {
      if (!answer.contentType().startsWith("application/problem+json") && answer.status() != 406) {
        wrong.add(answer.request() + " -> " + answer.status() + " not problem details: " + answer.contentType());
      } else if (answer.body().contains("Exception") || answer.body().contains("at org.")) {
        wrong.add(answer.request() + " -> " + answer.status() + " leaks: " + abbreviate(answer.body()));
      }
      return;
    }
    String path = answer.request().substring(answer.request().indexOf(' ') + 1);
    int query = path.indexOf('?');
    var response = SimpleResponse.Builder.status(answer.status())
        .withContentType(answer.contentType().isEmpty() ? null : answer.contentType())
        .withBody(answer.body().isEmpty() ? null : answer.body()).build();
    var report = validator.validateResponse(query < 0 ? path : path.substring(0, query),
        Request.Method.valueOf(operation.method()), response);
    if (report.hasErrors()) {
      wrong.add(answer.request() + " -> " + answer.status() + " does not match the document: "
          + abbreviate(report.toString()));
    }
  }

  private List<Answer> fuzz(Operation operation, String admin) {
    var answers = new ArrayList<Answer>();
    List<String> pathParameters = parameters(operation, "path");
    List<String> queryParameters = parameters(operation, "query");
    String plainPath = fill(operation.path(), "00000000-0000-0000-0000-000000000000");
    for (String value : HOSTILE_VALUES) {
      if (!pathParameters.isEmpty()) {
        answers.add(send(operation, fill(operation.path(), value), null, null, admin, Map.of()));
      }
      for (String parameter : queryParameters) {
        answers.add(send(operation, plainPath + "?" + parameter + "=" + value, null, null, admin, Map.of()));
      }
    }
    for (String parameter : queryParameters) {
      answers.add(send(operation, plainPath + "?" + parameter + "=a&" + parameter + "=b&" + parameter + "=", null,
          null, admin, Map.of()));
    }
    answers.add(send(operation, plainPath, null, null, null, Map.of()));
    answers.add(send(operation, plainPath, null, null, admin, Map.of("Accept-Language", "xx-\u200b;q=abc,*;q=9")));
    answers.add(send(operation, plainPath, null, null, "not.a.token", Map.of()));
    answers.add(send(operation, plainPath, null, null, admin, Map.of("Accept", "application/x-nonsense")));
    answers.add(send(operation, plainPath, null, null, admin, Map.of("X-Request-Id", "x".repeat(4000))));
    JsonNode body = operation.definition().get("requestBody");
    if (body != null) {
      String contentType = body.get("content").propertyNames().iterator().next();
      for (Map.Entry<String, byte[]> hostile : bodies(operation, contentType).entrySet()) {
        answers.add(send(operation, plainPath, contentType, hostile.getValue(), admin, Map.of("X-Fuzz", hostile.getKey())));
      }
      answers.add(send(operation, plainPath, "text/plain", "hello".getBytes(StandardCharsets.UTF_8), admin, Map.of()));
      answers.add(send(operation, plainPath, "application/json; charset=x-unknown", "{}".getBytes(StandardCharsets.UTF_8),
          admin, Map.of()));
    }
    return answers;
  }

  /** Bodies of the declared type that are wrong in every way we can think of. */
  private Map<String, byte[]> bodies(Operation operation, String contentType) {
    var bodies = new LinkedHashMap<String, byte[]>();
    bodies.put("not UTF-8", new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'});
    bodies.put("empty", new byte[0]);
    bodies.put("truncated", "{\"a\": [1, 2".getBytes(StandardCharsets.UTF_8));
    bodies.put("array", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
    bodies.put("deep", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
    bodies.put("huge string", ("{\"x\": \"" + "y".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
    bodies.put("NUL", "\u0000\u0000".getBytes(StandardCharsets.UTF_8));
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      bodies.put("form not UTF-8", new byte[] {'u', '=', (byte) 0xff, '&', 'p', '=', (byte) 0xc3, (byte) 0x28});
      bodies.put("form bad escape", "username=%zz&password=%".getBytes(StandardCharsets.US_ASCII));
      bodies.put("form huge", ("username=" + "a".repeat(500_000) + "&password=x").getBytes(StandardCharsets.US_ASCII));
      bodies.put("form repeated", "username=a&username=b&password=&password=x&refresh_token=%00".getBytes(
          StandardCharsets.US_ASCII));
      return bodies;
    }
    if (contentType.startsWith("multipart/")) {
      return bodies;
    }
    List<String> properties = properties(operation, contentType);
    bodies.put("extra fields", JSON.writeValueAsBytes(Map.of("unknown_field", "x", "role", "ADMIN", "is_locked", true)));
    bodies.put("nulls", JSON.writeValueAsBytes(nulls(properties)));
    for (Object value : HOSTILE_JSON_VALUES) {
      var all = new LinkedHashMap<String, Object>();
      properties.forEach(property -> all.put(property, value));
      bodies.put("every field " + describe(value), JSON.writeValueAsBytes(all));
    }
    return bodies;
  }

  private static Map<String, Object> nulls(List<String> properties) {
    var nulls = new LinkedHashMap<String, Object>();
    properties.forEach(property -> nulls.put(property, null));
    return nulls;
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    return value.getClass().getSimpleName() + ":" + (text.length() > 20 ? text.substring(0, 20) : text);
  }

  private Answer send(Operation operation, String path, String contentType, byte[] body, String token,
      Map<String, String> headers) {
    String request = operation.method() + " " + path + (headers.containsKey("X-Fuzz") ? " [" + headers.get("X-Fuzz")
        + "]" : "") + (token == null ? " anonymous" : "");
    boolean needsRaw = headers.values().stream().anyMatch(value -> value.chars().anyMatch(c -> c > 0x7e))
        || path.chars().anyMatch(c -> c > 0x7e);
    if (needsRaw) {
      var raw = new RawHttp(environment.getRequiredProperty("local.server.port", Integer.class));
      var all = new LinkedHashMap<>(headers);
      if (token != null) {
        all.put("Authorization", "Bearer " + token);
      }
      if (contentType != null) {
        all.put("Content-Type", contentType);
      }
      var answer = raw.send(operation.method(), path, all, body);
      return new Answer(request, answer.status(), answer.contentType(), answer.body());
    }
    HttpRequest.Builder builder;
    try {
      builder = api.request(path, token);
    } catch (IllegalArgumentException e) {
      // A path no client can even put in a URI: nothing to send.
      return new Answer(request, 400, "application/problem+json", "");
    }
    headers.forEach((name, value) -> {
      if (!name.equals("X-Fuzz")) {
        builder.header(name, value);
      }
    });
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    builder.method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body));
    var answer = api.send(builder);
    return new Answer(request, answer.status(), answer.contentType() == null ? "" : answer.contentType(),
        answer.body());
  }

  private static String fill(String template, String value) {
    return template.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(value));
  }

  private static List<String> parameters(Operation operation, String in) {
    var names = new ArrayList<String>();
    JsonNode parameters = operation.definition().get("parameters");
    if (parameters != null) {
      parameters.valueStream().filter(parameter -> in.equals(parameter.get("in").asString()))
          .forEach(parameter -> names.add(parameter.get("name").asString()));
    }
    return names;
  }

  private List<String> properties(Operation operation, String contentType) {
    JsonNode schema = operation.definition().get("requestBody").get("content").get(contentType).get("schema");
    if (schema == null) {
      return List.of("value");
    }
    if (schema.has("$ref")) {
      schema = resolve(schema.get("$ref").asString());
    }
    var names = new ArrayList<String>();
    if (schema != null && schema.has("properties")) {
      schema.get("properties").propertyNames().forEach(names::add);
    }
    return names.isEmpty() ? List.of("value") : names;
  }

  private JsonNode components;

  private JsonNode resolve(String reference) {
    if (components == null) {
      components = JSON.readTree(api.get("/openapi.json").body()).get("components").get("schemas");
    }
    return components.get(reference.substring(reference.lastIndexOf('/') + 1));
  }

  private static List<Operation> operations(JsonNode document) {
    var operations = new ArrayList<Operation>();
    document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
      String verb = method.getKey().toUpperCase(Locale.ROOT);
      if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)) {
        operations.add(new Operation(verb, path.getKey(), method.getValue()));
      }
    }));
    return operations;
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "..." : text;
  }
}
