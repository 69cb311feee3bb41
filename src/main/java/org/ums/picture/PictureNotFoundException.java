package org.ums.picture;

/** No picture has the id asked for (any more). */
public class PictureNotFoundException extends RuntimeException {

  public PictureNotFoundException() {
    super("picture.not-found", null, false, false);
  }
}
