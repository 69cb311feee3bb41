package org.ums.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;
import org.ums.support.TestPictures;

/** Without S3 settings, pictures live in a folder of the local filesystem, as `./mvnw spring-boot:run` keeps them. */
@HttpTest
class PictureFileSystemHttpTests {

  private static final Path FOLDER = Path.of("target", "picture-files-" + System.nanoTime());

  @DynamicPropertySource
  static void folder(DynamicPropertyRegistry registry) {
    registry.add("ums.storage.local-directory", FOLDER::toString);
  }

  @Autowired
  Api api;

  @Test
  void uploadedPicturesAreFilesUnderTheDataFolderAndGoWhenRemoved() throws IOException {
    var member = api.registerVerifiedMember(Emails.unique("local"), "a long enough secret");
    Path userFolder = FOLDER.resolve("pictures").resolve(member.id());

    var uploaded = api.putFile("/users/me/picture", "file", "me.webp", "image/webp",
        TestPictures.resource("gradient-lossless.webp"), member.token());

    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
    var picture = api.getBytes(uploaded.json().get("profile_picture_url").asString());
    assertThat(picture.statusCode()).isEqualTo(200);
    assertThat(TestPictures.decode(picture.body()).getWidth()).isEqualTo(512);
    assertThat(files(userFolder)).hasSize(2);

    assertThat(api.delete("/users/me/picture", member.token()).status()).isEqualTo(204);
    assertThat(files(userFolder)).isEmpty();
  }

  private static java.util.List<Path> files(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return java.util.List.of();
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).toList();
    }
  }
}
