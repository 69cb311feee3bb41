package org.ums.picture;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.ums.account.ProfilePictureDetached;
import org.ums.account.UserDeleted;

/** Pictures nobody uses any more go, from storage and from the database: a deleted account's, a detached one. */
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

  /** An administrator pointed the user at another picture: the one kept here is no longer anybody's. */
  @ApplicationModuleListener
  void on(ProfilePictureDetached event) {
    pictures.forget(event.userId(), event.picturePath());
  }
}
