package org.ums.picture;

import org.springframework.util.unit.DataSize;

/** An upload larger than {@code ums.picture.max-size}. */
public class PictureTooLargeException extends RuntimeException {

  private final DataSize limit;

  PictureTooLargeException(DataSize limit) {
    super("Upload larger than " + limit, null, false, false);
    this.limit = limit;
  }

  public DataSize limit() {
    return limit;
  }
}
