package org.ums.picture;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.ums.account.UserDeleted;

/** A deleted account's pictures go with it, from storage and from the database. */
@Component
class PictureCleanup {

  private final Pictures pictures;

  PictureCleanup(Pictures pictures) {
    this.pictures = pictures;
  }

  @ApplicationModuleListener
  void on(UserDeleted event) {
    pictures.forget(event.userId());
  }
}
