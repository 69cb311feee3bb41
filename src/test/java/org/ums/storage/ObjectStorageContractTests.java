package org.ums.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ums.support.S3Server;

/** Both adapters keep the port's promises: the filesystem one and the S3 one against a real S3 server. */
class ObjectStorageContractTests {

  @TempDir
  static Path folder;

  static Stream<Arguments> adapters() {
    var s3 = new S3ObjectStorage(S3Server.client(), "contract-" + UUID.randomUUID().toString().substring(0, 8));
    s3.ensureBucket();
    return Stream.of(Arguments.of("filesystem", new FileSystemObjectStorage(folder.resolve("objects"))),
        Arguments.of("s3", s3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adapters")
  void readsBackWhatItStoredAndReplacesOnAnotherPut(String name, ObjectStorage storage) {
    String key = "things/" + UUID.randomUUID() + "/a.txt";

    storage.put(key, bytes("first"), "text/plain");
    assertThat(storage.get(key)).hasValueSatisfying(content -> assertThat(text(content)).isEqualTo("first"));
    storage.put(key, bytes("second"), "text/plain");

    assertThat(storage.get(key)).hasValueSatisfying(content -> assertThat(text(content)).isEqualTo("second"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adapters")
  void aMissingObjectIsEmptyAndDeletingItDoesNothing(String name, ObjectStorage storage) {
    String key = "things/" + UUID.randomUUID() + "/missing.txt";

    assertThat(storage.get(key)).isEmpty();
    storage.delete(key);
    storage.deleteAll("things/" + UUID.randomUUID() + "/");

    assertThat(storage.get(key)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adapters")
  void deletesOneObjectOrAllUnderAPrefixAndNothingElse(String name, ObjectStorage storage) {
    String folderOf = "things/" + UUID.randomUUID() + "/";
    String neighbour = "things/" + UUID.randomUUID() + "/kept.txt";
    storage.put(folderOf + "a.txt", bytes("a"), "text/plain");
    storage.put(folderOf + "b.txt", bytes("b"), "text/plain");
    storage.put(folderOf + "sub/c.txt", bytes("c"), "text/plain");
    storage.put(neighbour, bytes("kept"), "text/plain");

    storage.delete(folderOf + "a.txt");
    assertThat(storage.get(folderOf + "a.txt")).isEmpty();
    assertThat(storage.get(folderOf + "b.txt")).isPresent();
    storage.deleteAll(folderOf);

    assertThat(storage.get(folderOf + "b.txt")).isEmpty();
    assertThat(storage.get(folderOf + "sub/c.txt")).isEmpty();
    assertThat(storage.get(neighbour)).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adapters")
  void refusesKeysThatCouldEscapeOrWereNotGenerated(String name, ObjectStorage storage) {
    for (String key : new String[] {"../etc/passwd", "a/../../b", "/absolute", "Upper.jpg", "a b.jpg", "a//b", "",
        "a/./b", "a/"}) {
      assertThatThrownBy(() -> storage.put(key, bytes("x"), "text/plain")).as(key)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> storage.deleteAll("things")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> storage.deleteAll("../")).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
