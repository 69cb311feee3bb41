package org.ums.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.ums.localization.Languages;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An account: who the user is, how they prove it, what they may do, and whether they may log in now. Every
 * change goes through a method named for what happens, which keeps the invariants and registers the event.
 */
@Entity
@Table(name = "users")
class User extends AbstractAggregateRoot<User> {

  @Id
  private UUID id;
  @Column(columnDefinition = "citext")
  private String email;
  @Column(columnDefinition = "citext")
  private String nickname;
  @Column(name = "hashed_password")
  private String passwordHash;
  private String firstName;
  private String lastName;
  private String bio;
  private String profilePictureUrl;
  private String linkedinProfileUrl;
  private String githubProfileUrl;
  @Enumerated(EnumType.STRING)
  private Role role;
  @Column(name = "is_professional")
  private boolean professional;
  private Instant professionalStatusUpdatedAt;
  private String location;
  private String preferredLanguage;
  private String timeZone;
  private boolean showEmail;
  private boolean emailVerified;
  @Column(name = "is_locked")
  private boolean locked;
  private Instant lockedUntil;
  private boolean lockedByAdministrator;
  private long tokenVersion;
  private int failedLoginAttempts;
  private int lockoutCount;
  private Instant lastLoginAt;
  private Instant createdAt;
  private Instant updatedAt;
  @Version
  private long version;

  protected User() {
  }

  private User(UserId id, String email, String nickname, String passwordHash, Role role, Instant now) {
    this.id = id.value();
    this.email = email;
    this.nickname = nickname;
    this.passwordHash = passwordHash;
    this.role = role;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Opens an account whose email is still to be verified. */
  static User register(String email, String nickname, String passwordHash, ProfileDetails profile, Role role,
      Instant now) {
    User user = new User(UserId.random(), email, nickname, passwordHash, role, now);
    user.editProfile(new UserChanges(null, null, profile.firstName(), profile.lastName(), profile.bio(),
        profile.profilePictureUrl(), profile.linkedinProfileUrl(), profile.githubProfileUrl(), null), now);
    user.preferredLanguage = canonicalLanguage(profile.preferredLanguage());
    user.timeZone = profile.timeZone() == null || profile.timeZone().isBlank() ? null : profile.timeZone().strip();
    user.registerEvent(new UserRegistered(user.id(), now));
    return user;
  }

  /** Opens a verified administrator account for an operator at the console, recorded as a creation. */
  static User consoleAdministrator(String email, String nickname, String passwordHash, Instant now) {
    User user = bootstrapAdministrator(email, nickname, passwordHash, now);
    user.registerEvent(new UserRegistered(user.id(), now));
    return user;
  }

  /** Opens an administrator account whose email an operator vouches for. */
  static User bootstrapAdministrator(String email, String nickname, String passwordHash, Instant now) {
    User user = new User(UserId.random(), email, nickname, passwordHash, Role.ADMIN, now);
    user.emailVerified = true;
    return user;
  }

  void verifyEmail(Instant now) {
    emailVerified = true;
    if (role == Role.ANONYMOUS) {
      role = Role.AUTHENTICATED;
      registerEvent(new RoleChanged(id(), Role.ANONYMOUS, Role.AUTHENTICATED, null, null, now));
    }
    touch(now);
    registerEvent(new EmailVerified(id(), now));
  }

  /** Asks for a fresh verification link; a verified account has nothing to verify and asks for nothing. */
  void requestVerificationEmail(Instant now) {
    if (!emailVerified) {
      registerEvent(new EmailVerificationRequested(id(), now));
    }
  }

  /** Whether the account refuses logins at {@code now}; a timed lock that has run out no longer counts. */
  boolean isLockedAt(Instant now) {
    return locked && (lockedUntil == null || now.isBefore(lockedUntil));
  }

  /**
   * Counts a login attempt as failed before its password is checked; false, and nothing counted, when the limit
   * of failed attempts is already reached (by attempts still being checked), unless locking is not allowed (the
   * last administrator is never locked).
   */
  boolean reserveLoginAttempt(int maxAttempts, Instant now, boolean mayLock) {
    releaseExpiredLock(now);
    if (mayLock && failedLoginAttempts >= maxAttempts) {
      return false;
    }
    failedLoginAttempts++;
    return true;
  }

  /**
   * The password of a reserved attempt was wrong: once the policy's limit is reached the account is locked out for a
   * while, longer after each lockout in a row, unless locking is not allowed. A lockout leaves the account's tokens
   * alone: whoever guesses passwords does not end the owner's logins.
   */
  void failReservedLogin(LockoutPolicy policy, Instant now, boolean mayLock) {
    releaseExpiredLock(now);
    if (failedLoginAttempts >= policy.maxAttempts() && !locked && mayLock) {
      Instant until = now.plus(policy.durationAfter(lockoutCount));
      lockoutCount++;
      locked = true;
      lockedUntil = until;
      touch(now);
      registerEvent(new UserLocked(id(), now, until, lockoutCount));
    }
    touch(now);
  }

  /** An attempt reserved before its password was checked got no verdict: it does not count. */
  void releaseReservedAttempt() {
    failedLoginAttempts = Math.max(0, failedLoginAttempts - 1);
  }

  /** The right password was given, though the login is refused for another reason: failures are forgotten. */
  void forgetFailedLogins() {
    failedLoginAttempts = 0;
  }

  void recordSuccessfulLogin(Instant now) {
    releaseExpiredLock(now);
    failedLoginAttempts = 0;
    lockoutCount = 0;
    lastLoginAt = now;
  }

  /**
   * Ends a lockout whose time has come; its count stays, so that the next lockout in a row lasts longer. Nothing is
   * published: the owner was told when it would end.
   */
  void releaseExpiredLock(Instant now) {
    if (locked && lockedUntil != null && !now.isBefore(lockedUntil)) {
      locked = false;
      lockedUntil = null;
      failedLoginAttempts = 0;
      touch(now);
    }
  }

  /**
   * Locks the account until an administrator unlocks it, also when a lockout was running; its access tokens stop
   * working, and a password reset does not end such a lock.
   */
  void lockByAdministrator(Instant now) {
    releaseExpiredLock(now);
    if (locked && lockedByAdministrator) {
      return;
    }
    locked = true;
    lockedUntil = null;
    lockedByAdministrator = true;
    tokenVersion++;
    touch(now);
    registerEvent(new UserLocked(id(), now, null, 0));
  }

  /** Whether an administrator locked the account (a lockout after failed logins is no such lock). */
  boolean isLockedByAdministrator() {
    return locked && lockedByAdministrator;
  }

  /**
   * Ends a lockout that failed logins caused, once the owner has proven the mailbox (a password reset); a lock set by
   * an administrator stays.
   */
  void releaseLockout(Instant now) {
    if (lockedByAdministrator) {
      failedLoginAttempts = 0;
      lockoutCount = 0;
      return;
    }
    unlock(now);
  }

  void unlock(Instant now) {
    boolean wasLocked = isLockedAt(now);
    locked = false;
    lockedUntil = null;
    lockedByAdministrator = false;
    failedLoginAttempts = 0;
    lockoutCount = 0;
    touch(now);
    if (wasLocked) {
      registerEvent(new UserUnlocked(id(), now));
    }
  }

  void changeRole(Role newRole, UserId changedBy, String reason, Instant now) {
    if (newRole == role) {
      return;
    }
    Role oldRole = role;
    role = newRole;
    tokenVersion++;
    touch(now);
    registerEvent(new RoleChanged(id(), oldRole, newRole, changedBy, reason, now));
  }

  /** The user's own edit of their profile; blank text clears a field, as {@code null} does. */
  void editOwnProfile(ProfileEdit edit, Instant now) {
    edit.texts().forEach((field, value) -> {
      String text = value == null || value.isBlank() ? null : value.strip();
      switch (field) {
        case NICKNAME -> nickname = text;
        case FIRST_NAME -> firstName = text;
        case LAST_NAME -> lastName = text;
        case BIO -> bio = text;
        case LOCATION -> location = text;
        case LINKEDIN_PROFILE_URL -> linkedinProfileUrl = text;
        case GITHUB_PROFILE_URL -> githubProfileUrl = text;
        case PREFERRED_LANGUAGE -> preferredLanguage = canonicalLanguage(text);
        case TIME_ZONE -> timeZone = text;
        default -> throw new IllegalStateException("Unhandled profile field " + field);
      }
    });
    if (edit.showEmail() != null) {
      showEmail = edit.showEmail();
    }
    touch(now);
  }

  /** Grants or revokes the professional status; setting the status it already has changes nothing. */
  void changeProfessionalStatus(boolean newStatus, UserId changedBy, Instant now) {
    if (newStatus == professional) {
      return;
    }
    professional = newStatus;
    professionalStatusUpdatedAt = now;
    touch(now);
    registerEvent(new ProfessionalStatusChanged(id(), newStatus, changedBy, now));
  }

  /** Uses a picture kept by this service, or none ({@code null}), in place of an uploaded or linked one. */
  void changePicture(String picturePath, Instant now) {
    profilePictureUrl = picturePath;
    touch(now);
  }

  /**
   * Staff gave the account another email: nothing proves the new address yet, so it is unverified until its owner
   * follows the link sent to it, and the old address is told ({@link EmailChanged}).
   */
  void changeEmailByStaff(String newEmail, Instant now) {
    String oldEmail = email;
    email = newEmail;
    emailVerified = false;
    touch(now);
    registerEvent(new EmailChanged(id(), oldEmail, newEmail, now));
    registerEvent(new EmailVerificationRequested(id(), now));
  }

  /** The owner proved the new address through the link sent to it: it replaces the old one, verified. */
  void confirmNewEmail(String newEmail, Instant now) {
    String oldEmail = email;
    email = newEmail;
    if (!emailVerified) {
      verifyEmail(now);
    }
    touch(now);
    recordEdit(java.util.List.of("email"), now);
    registerEvent(new EmailChanged(id(), oldEmail, newEmail, now));
  }

  void changeNickname(String newNickname, Instant now) {
    nickname = newNickname;
    touch(now);
  }

  /** Replaces the profile fields that {@code changes} gives; the others stay. */
  void editProfile(UserChanges changes, Instant now) {
    firstName = pick(changes.firstName(), firstName);
    lastName = pick(changes.lastName(), lastName);
    bio = pick(changes.bio(), bio);
    String picture = pick(changes.profilePictureUrl(), profilePictureUrl);
    if (isKeptHere(profilePictureUrl) && !profilePictureUrl.equals(picture)) {
      registerEvent(new ProfilePictureDetached(id(), profilePictureUrl, now));
    }
    profilePictureUrl = picture;
    linkedinProfileUrl = pick(changes.linkedinProfileUrl(), linkedinProfileUrl);
    githubProfileUrl = pick(changes.githubProfileUrl(), githubProfileUrl);
    touch(now);
  }

  /**
   * Takes the fields an import row gives (null leaves a field as it is) and returns the names of those that
   * changed, in the API's spelling.
   */
  java.util.List<String> applyImport(UserImport.Row row, Instant now) {
    var changed = new java.util.ArrayList<String>();
    if (row.nickname() != null && !row.nickname().equalsIgnoreCase(nickname)) {
      nickname = row.nickname();
      changed.add("nickname");
    }
    firstName = imported("first_name", row.firstName(), firstName, changed);
    lastName = imported("last_name", row.lastName(), lastName, changed);
    bio = imported("bio", row.bio(), bio, changed);
    linkedinProfileUrl = imported("linkedin_profile_url", row.linkedinProfileUrl(), linkedinProfileUrl, changed);
    githubProfileUrl = imported("github_profile_url", row.githubProfileUrl(), githubProfileUrl, changed);
    location = imported("location", row.location(), location, changed);
    preferredLanguage = imported("preferred_language", canonicalLanguage(row.preferredLanguage()),
        preferredLanguage, changed);
    timeZone = imported("time_zone", row.timeZone(), timeZone, changed);
    if (!changed.isEmpty()) {
      touch(now);
    }
    return changed;
  }

  private static String imported(String field, String given, String current, java.util.List<String> changed) {
    if (given == null || given.equals(current)) {
      return current;
    }
    changed.add(field);
    return given;
  }

  /** Records that these fields were edited, for whoever keeps account of edits. */
  void recordEdit(java.util.List<String> fieldNames, Instant now) {
    if (!fieldNames.isEmpty()) {
      registerEvent(new UserUpdated(id(), fieldNames, now));
    }
  }

  /** A new password chosen by its owner or set by an operator; it ends a lockout's count of failures. */
  void changePassword(String newHash, PasswordChanged.Way way, Instant now) {
    boolean replaced = passwordHash != null;
    passwordHash = newHash;
    tokenVersion++;
    failedLoginAttempts = 0;
    touch(now);
    if (replaced) {
      registerEvent(new PasswordChanged(id(), way, now));
    }
  }

  /** Refuses every access token issued so far (logging out everywhere). */
  void revokeTokens() {
    tokenVersion++;
  }

  long tokenVersion() {
    return tokenVersion;
  }

  /** Whether the account has a password at all (an imported one has none until its owner sets it). */
  boolean hasPassword() {
    return passwordHash != null;
  }

  /** Stores a hash made with the current algorithm in place of an older one. */
  void rehashPassword(String newHash) {
    passwordHash = newHash;
  }

  void markDeleted(Instant now) {
    registerEvent(new UserDeleted(id(), email, now));
  }

  /** The supported language's own tag for {@code tag} ({@code zh_cn} becomes {@code zh-CN}), or null. */
  private static String canonicalLanguage(String tag) {
    return Languages.byTag(tag).map(Locale::toLanguageTag).orElse(null);
  }

  /** A picture this service keeps is stored as its path; a URL given by someone else is absolute. */
  private static boolean isKeptHere(String pictureUrl) {
    return pictureUrl != null && pictureUrl.startsWith("/");
  }

  private static String pick(String given, String current) {
    if (given == null) {
      return current;
    }
    return given.isBlank() ? null : given;
  }

  private void touch(Instant now) {
    updatedAt = now;
  }

  /** The events recorded and not yet published. */
  java.util.Collection<Object> pendingEvents() {
    return domainEvents();
  }

  UserId id() {
    return UserId.of(id);
  }

  String email() {
    return email;
  }

  String nickname() {
    return nickname;
  }

  String passwordHash() {
    return passwordHash;
  }

  String firstName() {
    return firstName;
  }

  String lastName() {
    return lastName;
  }

  String bio() {
    return bio;
  }

  String profilePictureUrl() {
    return profilePictureUrl;
  }

  String linkedinProfileUrl() {
    return linkedinProfileUrl;
  }

  String githubProfileUrl() {
    return githubProfileUrl;
  }

  Role role() {
    return role;
  }

  boolean isProfessional() {
    return professional;
  }

  Instant professionalStatusUpdatedAt() {
    return professionalStatusUpdatedAt;
  }

  String location() {
    return location;
  }

  String preferredLanguage() {
    return preferredLanguage;
  }

  String timeZone() {
    return timeZone;
  }

  /** The language to write to the user in: theirs, else English. */
  Locale language() {
    return Languages.byTag(preferredLanguage).orElse(Languages.DEFAULT);
  }

  /** The zone to show the user times in: theirs, else UTC (also for a zone a newer time-zone database knew). */
  ZoneId zone() {
    if (timeZone == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  boolean showsEmail() {
    return showEmail;
  }

  boolean isEmailVerified() {
    return emailVerified;
  }

  boolean isLocked() {
    return locked;
  }

  Instant lockedUntil() {
    return lockedUntil;
  }

  /** Lockouts after failed logins in a row, since the last successful login, reset or unlock. */
  int lockoutCount() {
    return lockoutCount;
  }

  int failedLoginAttempts() {
    return failedLoginAttempts;
  }

  Instant lastLoginAt() {
    return lastLoginAt;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }
}
