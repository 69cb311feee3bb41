package org.ums.storage;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where other modules keep files, by key. Keys are made by the caller, never taken from a user: lower-case
 * letters, digits, {@code - _ .} and {@code /} between segments, no empty or dot-only segment. Every method is
 * safe to repeat: putting a key again replaces the object, deleting a missing one does nothing.
 */
public interface ObjectStorage {

  /** The keys this storage accepts. */
  Pattern KEY = Pattern.compile("[a-z0-9_-][a-z0-9._-]*(/[a-z0-9_-][a-z0-9._-]*)*");

  /**
   * Stores {@code content} under {@code key}, replacing what was there.
   *
   * @throws StorageException when the storage cannot be reached or refuses
   */
  void put(String key, byte[] content, String contentType);

  /**
   * The object's bytes, or empty when there is none.
   *
   * @throws StorageException when the storage cannot be reached or refuses
   */
  Optional<byte[]> get(String key);

  /**
   * Removes the object; nothing happens when there is none.
   *
   * @throws StorageException when the storage cannot be reached or refuses
   */
  void delete(String key);

  /**
   * Removes every object whose key starts with {@code prefix}, which ends with {@code /}.
   *
   * @throws StorageException when the storage cannot be reached or refuses
   */
  void deleteAll(String prefix);

  /** Refuses a key that is not of {@link #KEY}'s shape. */
  static String requireValidKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("Invalid object key: " + key);
    }
    return key;
  }

  /** Refuses a prefix that is not a key followed by {@code /}. */
  static String requireValidPrefix(String prefix) {
    if (prefix == null || !prefix.endsWith("/")) {
      throw new IllegalArgumentException("Invalid object key prefix: " + prefix);
    }
    requireValidKey(prefix.substring(0, prefix.length() - 1));
    return prefix;
  }
}
