package org.ums.picture;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ums.account.UserId;

/**
 * A user's current picture: its id names its objects in storage and its URL, so a new picture gets a new URL
 * and a browser may keep each one for ever.
 */
@Entity
@Table(name = "profile_pictures")
class ProfilePicture {

  @Id
  private UUID id;
  private UUID userId;
  private String contentType;
  private String fileExtension;
  private Instant createdAt;

  protected ProfilePicture() {
  }

  private ProfilePicture(UUID id, UserId userId, String contentType, String fileExtension, Instant createdAt) {
    this.id = id;
    this.userId = userId.value();
    this.contentType = contentType;
    this.fileExtension = fileExtension;
    this.createdAt = createdAt;
  }

  static ProfilePicture of(UserId userId, ProcessedPicture picture, Instant now) {
    return new ProfilePicture(UUID.randomUUID(), userId, picture.contentType(), picture.extension(), now);
  }

  /** The folder of every object of one user's pictures, which goes when the account goes. */
  static String prefixOf(UserId userId) {
    return "pictures/" + userId.value() + "/";
  }

  /** Generated, never from the uploaded file's name. */
  String key(PictureSize size) {
    return prefixOf(UserId.of(userId)) + id + "-" + size.pixels() + "." + fileExtension;
  }

  List<String> keys() {
    return java.util.Arrays.stream(PictureSize.values()).map(this::key).toList();
  }

  /** The path that serves it, relative to the service's URL. */
  String path() {
    return "/pictures/" + id;
  }

  UUID id() {
    return id;
  }

  UserId userId() {
    return UserId.of(userId);
  }

  String contentType() {
    return contentType;
  }

  Instant createdAt() {
    return createdAt;
  }
}
