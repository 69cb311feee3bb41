package org.ums.storage;

/** The object storage could not be reached or refused an operation; worth trying again later. */
public class StorageException extends RuntimeException {

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
