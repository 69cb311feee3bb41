package org.ums.picture;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.ums.account.Actor;
import org.ums.account.Profiles;
import org.ums.account.UserId;
import org.ums.storage.ObjectStorage;
import org.ums.storage.StorageException;

/**
 * Profile pictures: a user replaces or removes their own, a moderator removes anyone's, anyone reads one.
 * Objects are written before the database says they exist and deleted after it says they no longer do, so a
 * failure leaves no picture without its objects; objects whose change did not commit are deleted at once.
 * Two uploads by one user at the same time end with one of them, the other's objects gone.
 */
@Service
public class Pictures {

  private static final Logger log = LoggerFactory.getLogger(Pictures.class);

  private final PictureProcessor processor;
  private final ProfilePictureRepository repository;
  private final ObjectStorage storage;
  private final Profiles profiles;
  private final TransactionTemplate transactions;
  private final PictureProperties properties;
  private final Clock clock;

  Pictures(PictureProcessor processor, ProfilePictureRepository repository, ObjectStorage storage,
      Profiles profiles, TransactionTemplate transactions, PictureProperties properties, Clock clock) {
    this.processor = processor;
    this.repository = repository;
    this.storage = storage;
    this.profiles = profiles;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Makes {@code upload} the caller's picture, in place of the one they had.
   *
   * @throws PictureTooLargeException when it is larger than the configured limit
   * @throws InvalidPictureException when it is not a picture this service takes
   * @throws StorageException when the object storage cannot take it now
   */
  public PictureView upload(Actor actor, byte[] upload) {
    if (upload.length > properties.maxSize().toBytes()) {
      throw new PictureTooLargeException(properties.maxSize());
    }
    ProcessedPicture processed = processor.process(upload);
    ProfilePicture picture = ProfilePicture.of(actor.id(), processed, clock.instant());
    Optional<ProfilePicture> replaced;
    List<String> written = new ArrayList<>();
    try {
      for (PictureSize size : PictureSize.values()) {
        storage.put(picture.key(size), processed.renditions().get(size), processed.contentType());
        written.add(picture.key(size));
      }
      replaced = transactions.execute(status -> {
        // Locks the account's row first: uploads by one user take turns from here on.
        profiles.changePicture(actor.id(), picture.path());
        Optional<ProfilePicture> previous = repository.findByUserId(actor.id().value());
        previous.ifPresent(repository::delete);
        repository.flush();
        repository.save(picture);
        return previous;
      });
    } catch (RuntimeException e) {
      // Not committed: nothing names these objects.
      written.forEach(this::deleteQuietly);
      throw e;
    }
    replaced.ifPresent(this::deleteObjects);
    return PictureView.of(picture);
  }

  /** Removes the caller's picture, uploaded or linked; they get the initials again. */
  public void removeMine(Actor actor) {
    remove(actor.id());
  }

  /**
   * Removes a user's picture, as a moderator; the caller's role is checked by the web layer.
   *
   * @throws org.ums.account.UserNotFoundException when there is no such user
   */
  public void removeFor(UserId userId) {
    remove(userId);
  }

  /** Whether the picture is some user's current one, without reading it from storage. */
  public boolean isCurrent(UUID pictureId) {
    return repository.findById(pictureId).isPresent();
  }

  /** One size of a picture that is some user's current one. */
  public Optional<PictureContent> load(UUID pictureId, PictureSize size) {
    return repository.findById(pictureId).flatMap(picture -> storage.get(picture.key(size))
        .map(bytes -> new PictureContent(picture.id(), size, picture.contentType(), bytes)));
  }

  /** Forgets every picture of a user whose account is gone, objects first; safe to repeat. */
  void forget(UserId userId) {
    storage.deleteAll(ProfilePicture.prefixOf(userId));
    transactions.executeWithoutResult(status -> repository.deleteByUserId(userId.value()));
  }

  /** Forgets the user's picture at {@code picturePath} if it is still their current one; safe to repeat. */
  void forget(UserId userId, String picturePath) {
    Optional<ProfilePicture> forgotten = transactions.execute(status -> {
      Optional<ProfilePicture> current = repository.findByUserId(userId.value())
          .filter(picture -> picture.path().equals(picturePath));
      current.ifPresent(repository::delete);
      return current;
    });
    forgotten.ifPresent(this::deleteObjects);
  }

  private void remove(UserId userId) {
    Optional<ProfilePicture> removed = transactions.execute(status -> {
      profiles.changePicture(userId, null);
      Optional<ProfilePicture> current = repository.findByUserId(userId.value());
      current.ifPresent(repository::delete);
      return current;
    });
    removed.ifPresent(this::deleteObjects);
  }

  private void deleteObjects(ProfilePicture picture) {
    picture.keys().forEach(this::deleteQuietly);
  }

  /**
   * The database no longer names these objects, so a failure here costs space, not correctness; the objects
   * go at the latest with the account (its whole folder is deleted).
   */
  private void deleteQuietly(String key) {
    try {
      storage.delete(key);
    } catch (StorageException e) {
      log.warn("Could not delete the object {}; it is left until its account is deleted", key, e);
    }
  }
}
