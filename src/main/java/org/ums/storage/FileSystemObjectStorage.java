package org.ums.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Objects as files under one folder, a key's segments as sub-folders. A file is written beside its place and
 * moved there, so a reader never sees half of it.
 */
class FileSystemObjectStorage implements ObjectStorage {

  private final Path root;

  FileSystemObjectStorage(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the storage folder " + this.root, e);
    }
  }

  @Override
  public void put(String key, byte[] content, String contentType) {
    Path target = pathOf(key);
    try {
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
      try {
        Files.write(partial, content);
        move(partial, target);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new StorageException("Cannot write " + key, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(Files.readAllBytes(pathOf(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageException("Cannot read " + key, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(pathOf(key));
    } catch (IOException e) {
      throw new StorageException("Cannot delete " + key, e);
    }
  }

  @Override
  public void deleteAll(String prefix) {
    ObjectStorage.requireValidPrefix(prefix);
    Path folder = root.resolve(prefix).normalize();
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new StorageException("Cannot delete " + prefix, e);
    }
  }

  private Path pathOf(String key) {
    Path path = root.resolve(ObjectStorage.requireValidKey(key)).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("Invalid object key: " + key);
    }
    return path;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
