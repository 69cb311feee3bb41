package org.ums.account;

import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users' own profiles: editing one's own, and the public profile anyone may read by nickname. */
@Service
public class Profiles {

  private final AccountStore store;
  private final AccountValidation validation;
  private final UserReads reads;

  Profiles(AccountStore store, AccountValidation validation, UserReads reads) {
    this.store = store;
    this.validation = validation;
    this.reads = reads;
  }

  /**
   * Applies the caller's edit of their own profile.
   *
   * @throws InvalidAccountDataException when a value breaks a rule
   * @throws AccountConflictException when the nickname is taken
   */
  @Transactional
  public UserView editMine(Actor actor, ProfileEdit edit) {
    validation.checkProfileEdit(edit);
    User user = store.loadForUpdate(actor.id());
    String nickname = edit.texts().get(ProfileEdit.Field.NICKNAME);
    if (nickname != null && !nickname.strip().equalsIgnoreCase(user.nickname())) {
      store.requireNicknameFree(nickname.strip());
    }
    Instant now = store.clock().instant();
    user.editOwnProfile(edit, now);
    user.recordEdit(edit.fieldNames(), now);
    return UserView.of(store.save(user), now);
  }

  /**
   * Points the user's {@code profile_picture_url} at a picture the picture module keeps ({@code null}: none, the
   * initials are shown). Joins the caller's transaction and locks the account's row until it ends, so that
   * changes of one user's picture take turns.
   *
   * @param picturePath the picture's path on this service, such as {@code /pictures/<id>}, or {@code null}
   * @throws UserNotFoundException when the account does not exist (any more)
   */
  @Transactional
  public void changePicture(UserId userId, String picturePath) {
    if (picturePath != null && !picturePath.startsWith("/")) {
      throw new IllegalArgumentException("A picture path on this service starts with /: " + picturePath);
    }
    User user = store.loadForUpdate(userId);
    user.changePicture(picturePath, store.clock().instant());
    store.save(user);
  }

  /**
   * The public profile of a verified account with this nickname (any case).
   *
   * @throws UserNotFoundException when there is none, or the account is not verified
   */
  public PublicProfile publicProfile(String nickname) {
    if (nickname == null || !AccountValidation.NICKNAME.matcher(nickname).matches()) {
      throw new UserNotFoundException();
    }
    return reads.findPublic(nickname).orElseThrow(UserNotFoundException::new);
  }
}
