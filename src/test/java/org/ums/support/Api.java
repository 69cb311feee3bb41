package org.ums.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client that talks to the running service over HTTP, as any other client would. */
public final class Api {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public Api(int port) {
    this.base = "http://localhost:" + port;
  }

  public String base() {
    return base;
  }

  /** The HTTP client itself, for responses read as streams. */
  public HttpClient http() {
    return http;
  }

  public Response get(String path, String token) {
    return send(request(path, token).GET());
  }

  public Response get(String path) {
    return get(path, null);
  }

  public Response postJson(String path, Object body, String token) {
    return send(request(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
  }

  public Response postJson(String path, Object body) {
    return postJson(path, body, null);
  }

  public Response post(String path, String token) {
    return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
  }

  public Response putJson(String path, Object body, String token) {
    return send(request(path, token).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
  }

  /** A multipart/form-data request with one file part, as a browser's form sends it. */
  public Response putFile(String path, String field, String fileName, String contentType, byte[] content,
      String token) {
    String boundary = "----ums-test-" + java.util.UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** A GET whose body is kept as bytes, for pictures. */
  public HttpResponse<byte[]> getBytes(String url) {
    try {
      return http.send(request(url, null).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  public Response postForm(String path, Map<String, String> fields) {
    String form = fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  public Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response, response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  /** The administrator that the test profile creates at start-up. */
  public static final String ADMIN_EMAIL = "admin@ums.test";
  public static final String ADMIN_PASSWORD = "bootstrap-admin-secret";

  /** Logs in as the test profile's administrator and returns the access token. */
  public String loginAsAdmin() {
    return login(ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  /** Logs in and returns the access token, failing the test when the login fails. */
  public String login(String email, String password) {
    Response response = postForm("/login/", Map.of("username", email, "password", password));
    if (response.status() != 200) {
      throw new AssertionError("Login of " + email + " failed: " + response.status() + " " + response.body());
    }
    return response.json().get("access_token").asString();
  }

  /** Registers, follows the link of the verification email and logs in; returns the user's id and token. */
  public Member registerVerifiedMember(String email, String password) {
    Response registered = postJson("/register/", Map.of("email", email, "password", password));
    if (registered.status() != 201) {
      throw new AssertionError("Registration failed: " + registered.body());
    }
    String path = MailInbox.awaitMessage(email).verificationPath();
    Response verified = get(path);
    if (verified.status() != 200) {
      throw new AssertionError("Verification failed: " + verified.body());
    }
    return new Member(registered.json().get("id").asString(), login(email, password));
  }

  public static Map<String, Object> body(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A user who can log in. */
  public record Member(String id, String token) {
  }

  /** A response: status, headers and body (parsed as JSON on demand). */
  public record Response(int status, HttpResponse<String> raw, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }
  }
}
