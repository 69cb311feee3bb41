package org.ums.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.ums.support.Api.body;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ums.account.Actor;
import org.ums.account.Role;
import org.ums.account.UserId;
import org.ums.account.UserNotFoundException;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HeadlessBrowser;
import org.ums.support.HttpTest;
import org.ums.support.MailInbox;
import org.ums.support.S3Server;
import org.ums.support.TestPictures;
import tools.jackson.databind.JsonNode;

/** Users upload, replace and remove their pictures, kept in a real S3 server; browsers load them. */
@HttpTest
class PictureHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @DynamicPropertySource
  static void s3(DynamicPropertyRegistry registry) {
    S3Server.register(registry);
  }

  @Autowired
  Api api;

  @Autowired
  Pictures pictures;

  private Api.Member member;

  @BeforeEach
  void registerMember() {
    member = api.registerVerifiedMember(Emails.unique("pictured"), PASSWORD);
  }

  @Test
  void userUploadsAPictureThatABrowserLoadsAndItsMetadataIsGone() {
    var uploaded = upload("me.jpg", "image/jpeg", TestPictures.jpegWithExif(1200, 800));

    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
    String url = uploaded.json().get("profile_picture_url").asString();
    assertThat(url).startsWith(api.base() + "/pictures/");
    assertThat(me().get("profile_picture_url").asString()).isEqualTo(url);

    HttpResponse<byte[]> large = api.getBytes(url);
    assertThat(large.statusCode()).isEqualTo(200);
    assertThat(large.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(large.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000", "public",
        "immutable");
    assertThat(large.headers().firstValue("ETag")).isPresent();
    assertThat(TestPictures.decode(large.body()).getWidth()).isEqualTo(512);
    assertThat(TestPictures.decode(large.body()).getHeight()).isEqualTo(512);
    assertThat(TestPictures.contains(large.body(), "GPSLatitude")).isFalse();
    assertThat(TestPictures.contains(large.body(), "Exif")).isFalse();

    HttpResponse<byte[]> small = api.getBytes(uploaded.json().get("thumbnail_url").asString());
    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(TestPictures.decode(small.body()).getWidth()).isEqualTo(128);
    assertThat(objects()).hasSize(2);
  }

  @Test
  void aBrowserShowsTheUploadedPictureAndTheInitialsOfAUserWithout() {
    String picture = upload("me.jpg", "image/jpeg", TestPictures.jpeg(800, 600)).json().get("profile_picture_url")
        .asString();
    var other = api.registerVerifiedMember(Emails.unique("plain"), PASSWORD);
    String initials = api.get("/users/me", other.token()).json().get("profile_picture_url").asString();

    String dom = HeadlessBrowser.domAfterLoading("""
        <!doctype html><html><body>
        <img src="%s" onload="document.getElementById('picture').textContent = this.naturalWidth + 'x' + this.naturalHeight"
             onerror="document.getElementById('picture').textContent = 'broken'">
        <img src="%s" onload="document.getElementById('initials').textContent = this.naturalWidth + 'x' + this.naturalHeight"
             onerror="document.getElementById('initials').textContent = 'broken'">
        <p id="picture">not loaded</p><p id="initials">not loaded</p>
        </body></html>""".formatted(picture, initials));

    assertThat(dom).contains("<p id=\"picture\">512x512</p>", "<p id=\"initials\">512x512</p>");
  }

  @Test
  void aRepeatedRequestWithTheEtagIsNotModified() {
    String url = upload("me.png", "image/png", TestPictures.png(300, 300)).json().get("profile_picture_url")
        .asString();
    String etag = api.getBytes(url).headers().firstValue("ETag").orElseThrow();

    var again = api.send(api.request(url, null).header("If-None-Match", etag).GET());

    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void thePublicProfileShowsTheUploadedPicture() {
    String nickname = me().get("nickname").asString();
    String url = upload("me.gif", "image/gif", TestPictures.animatedGif(100)).json().get("profile_picture_url")
        .asString();

    assertThat(api.get("/profiles/" + nickname).json().get("profile_picture_url").asString()).isEqualTo(url);
  }

  @Test
  void aNewPictureReplacesTheOldOneWhoseUrlAndObjectsAreGone() {
    String first = upload("a.jpg", "image/jpeg", TestPictures.jpeg(600, 600)).json().get("profile_picture_url")
        .asString();
    List<String> firstObjects = objects();

    String second = upload("b.webp", "image/webp", TestPictures.resource("gradient-lossy.webp")).json()
        .get("profile_picture_url").asString();

    assertThat(second).isNotEqualTo(first);
    assertThat(api.getBytes(first).statusCode()).isEqualTo(404);
    assertThat(api.getBytes(second).statusCode()).isEqualTo(200);
    assertThat(objects()).hasSize(2).doesNotContainAnyElementsOf(firstObjects);
  }

  @Test
  void aUserWithoutAPictureHasTheirInitialsWhichLoad() {
    api.send(api.request("/users/me", member.token()).header("Content-Type", "application/json")
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"first_name\": \"Ada\", \"last_name\": \"Lovelace\"}")));

    String url = me().get("profile_picture_url").asString();

    assertThat(url).isEqualTo(api.base() + "/pictures/initials/AL");
    var svg = api.get(url);
    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.contentType()).startsWith("image/svg+xml");
    assertThat(svg.body()).contains("<svg", ">AL<").doesNotContain("<script");
  }

  @Test
  void userRemovesTheirPictureAndGetsTheirInitialsBack() {
    String url = upload("me.jpg", "image/jpeg", TestPictures.jpeg(400, 400)).json().get("profile_picture_url")
        .asString();

    assertThat(api.delete("/users/me/picture", member.token()).status()).isEqualTo(204);

    assertThat(me().get("profile_picture_url").asString()).contains("/pictures/initials/");
    assertThat(api.getBytes(url).statusCode()).isEqualTo(404);
    assertThat(objects()).isEmpty();
    assertThat(api.delete("/users/me/picture", member.token()).status()).isEqualTo(204);
  }

  @Test
  void aPictureUrlGivenAtRegistrationStaysUntilTheUserRemovesIt() {
    String email = Emails.unique("linked");
    api.postJson("/register/", body("email", email, "password", PASSWORD, "profile_picture_url",
        "https://images.example.com/me.png"));
    api.get(MailInbox.awaitMessage(email).verificationPath());
    String token = api.login(email, PASSWORD);
    assertThat(api.get("/users/me", token).json().get("profile_picture_url").asString())
        .isEqualTo("https://images.example.com/me.png");

    assertThat(api.delete("/users/me/picture", token).status()).isEqualTo(204);

    assertThat(api.get("/users/me", token).json().get("profile_picture_url").asString())
        .startsWith(api.base() + "/pictures/initials/");
  }

  @Test
  void managersRemoveAnyonesPictureAndUsersRemoveNobodyElses() {
    upload("me.jpg", "image/jpeg", TestPictures.jpeg(400, 400));
    var other = api.registerVerifiedMember(Emails.unique("other"), PASSWORD);
    String manager = manager();

    assertThat(api.delete("/users/" + member.id() + "/picture", other.token()).status()).isEqualTo(403);
    assertThat(api.delete("/users/" + member.id() + "/picture", null).status()).isEqualTo(401);
    assertThat(objects()).hasSize(2);

    assertThat(api.delete("/users/" + member.id() + "/picture", manager).status()).isEqualTo(204);
    assertThat(objects()).isEmpty();
    assertThat(me().get("profile_picture_url").asString()).contains("/pictures/initials/");
    assertThat(api.delete("/users/" + java.util.UUID.randomUUID() + "/picture", manager).status())
        .isEqualTo(404);
  }

  @Test
  void deletingAnAccountDeletesItsPictures() {
    upload("me.jpg", "image/jpeg", TestPictures.jpeg(400, 400));
    assertThat(objects()).hasSize(2);

    assertThat(api.delete("/users/" + member.id(), api.loginAsAdmin()).status()).isEqualTo(204);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(objects()).isEmpty());
  }

  @Test
  void aPngNamedJpgIsJudgedByItsBytesAndAccepted() {
    var uploaded = upload("holiday.jpg", "image/jpeg", TestPictures.png(300, 200));

    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
    assertThat(api.getBytes(uploaded.json().get("profile_picture_url").asString()).statusCode()).isEqualTo(200);
  }

  @Test
  void badUploadsAreRefusedWithAClearAnswerAndLeaveNothingBehind() {
    String before = me().get("profile_picture_url").asString();

    assertRefused(upload("empty.jpg", "image/jpeg", new byte[0]), 422, "Empty");
    assertRefused(upload("notes.jpg", "image/jpeg", "not a picture at all".getBytes()), 422, "UnsupportedFormat");
    assertRefused(upload("evil.svg", "image/svg+xml", TestPictures.svgWithScript()), 422, "UnsupportedFormat");
    assertRefused(upload("cut.png", "image/png", TestPictures.truncated(TestPictures.png(400, 300), 0.5)), 422,
        "Damaged");
    assertRefused(upload("cut.jpg", "image/jpeg", TestPictures.truncated(TestPictures.jpeg(400, 300), 0.5)), 422,
        "Damaged");
    assertRefused(upload("bomb.png", "image/png", TestPictures.decompressionBomb(20_000)), 422, "TooManyPixels");

    var tooLarge = upload("huge.jpg", "image/jpeg", new byte[6 * 1024 * 1024]);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.contentType()).startsWith("application/problem+json");
    assertThat(tooLarge.json().get("detail").asString()).contains("5 MB");

    var noField = api.putFile("/users/me/picture", "picture", "me.jpg", "image/jpeg", TestPictures.jpeg(50, 50),
        member.token());
    assertThat(noField.status()).isEqualTo(422);
    assertThat(noField.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

    var json = api.putJson("/users/me/picture", body("file", "aGVsbG8="), member.token());
    assertThat(json.status()).isEqualTo(415);

    var anonymous = api.putFile("/users/me/picture", "file", "me.jpg", "image/jpeg", TestPictures.jpeg(50, 50),
        null);
    assertThat(anonymous.status()).isEqualTo(401);

    assertThat(objects()).isEmpty();
    assertThat(me().get("profile_picture_url").asString()).isEqualTo(before);
  }

  @Test
  void unknownPicturesAndSizesAreClearAnswers() {
    assertThat(api.get("/pictures/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(api.get("/pictures/not-an-id").status()).isEqualTo(404);
    assertThat(api.get("/pictures/initials/%3Cscript%3E").status()).isEqualTo(404);
    var size = api.get("/pictures/initials/AB?size=4000");
    assertThat(size.status()).isEqualTo(422);
    assertThat(size.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
  }

  @Test
  void concurrentUploadsBySameUserEndWithOneOfThemAndNoStrayObjects() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<Api.Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        int side = 300 + i * 50;
        answers.add(threads.submit((Callable<Api.Response>) () -> upload("me.jpg", "image/jpeg",
            TestPictures.jpeg(side, side))));
      }
      List<String> urls = new ArrayList<>();
      for (Future<Api.Response> answer : answers) {
        Api.Response response = answer.get();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        urls.add(response.json().get("profile_picture_url").asString());
      }

      String current = me().get("profile_picture_url").asString();
      assertThat(urls).contains(current);
      assertThat(api.getBytes(current).statusCode()).isEqualTo(200);
      String currentId = current.substring(current.lastIndexOf('/') + 1);
      assertThat(objects()).hasSize(2).allSatisfy(key -> assertThat(key).contains(currentId));
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void anUploadForAnAccountThatIsGoneLeavesNoObjects() {
    var nobody = new Actor(UserId.of(java.util.UUID.randomUUID()), Role.AUTHENTICATED);

    assertThatThrownBy(() -> pictures.upload(nobody, TestPictures.jpeg(300, 300)))
        .isInstanceOf(UserNotFoundException.class);

    assertThat(S3Server.keys("pictures/" + nobody.id().value() + "/")).isEmpty();
  }

  @Test
  void aMalformedMultipartBodyIs400() {
    var cut = api.send(api.request("/users/me/picture", member.token())
        .header("Content-Type", "multipart/form-data; boundary=xyz")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; "
            + "name=\"file\"; filename=\"a.jpg\"\r\n\r\nnot finished")));
    var noBoundary = api.send(api.request("/users/me/picture", member.token())
        .header("Content-Type", "multipart/form-data")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("whatever")));

    assertThat(cut.status()).as(cut.body()).isEqualTo(400);
    assertThat(cut.contentType()).startsWith("application/problem+json");
    assertThat(noBoundary.status()).as(noBoundary.body()).isEqualTo(400);
  }

  @Test
  void anAdministratorLinkingAnotherPictureRetiresTheUploadedOne() {
    String uploaded = upload("me.jpg", "image/jpeg", TestPictures.jpeg(300, 300)).json()
        .get("profile_picture_url").asString();

    var edited = api.putJson("/users/" + member.id(), body("profile_picture_url", "https://img.example.com/a.png"),
        api.loginAsAdmin());

    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(me().get("profile_picture_url").asString()).isEqualTo("https://img.example.com/a.png");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(objects()).isEmpty();
      assertThat(api.getBytes(uploaded).statusCode()).isEqualTo(404);
    });
  }

  @Test
  void theApiDocumentsTheUploadAsAMultipartFile() {
    JsonNode spec = api.get("/openapi.json").json();

    JsonNode content = spec.get("paths").get("/users/me/picture").get("put").get("requestBody").get("content");
    JsonNode file = content.get("multipart/form-data").get("schema").get("properties").get("file");
    assertThat(file.get("format").asString()).isEqualTo("binary");
  }

  private Api.Response upload(String fileName, String contentType, byte[] content) {
    return api.putFile("/users/me/picture", "file", fileName, contentType, content, member.token());
  }

  private JsonNode me() {
    return api.get("/users/me", member.token()).json();
  }

  private List<String> objects() {
    return S3Server.keys("pictures/" + member.id() + "/");
  }

  private String manager() {
    String email = Emails.unique("moderator");
    var created = api.postJson("/users/", body("email", email, "password", PASSWORD, "role", "MANAGER"),
        api.loginAsAdmin());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    api.get(MailInbox.awaitMessage(email).verificationPath());
    return api.login(email, PASSWORD);
  }

  private static void assertRefused(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode error = response.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("file");
    assertThat(error.get("code").asString()).isEqualTo(code);
    assertThat(error.get("message").asString()).isNotBlank();
  }
}
