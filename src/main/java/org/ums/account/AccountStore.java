package org.ums.account;

import java.time.Clock;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Writes accounts and turns the database's uniqueness verdicts into the module's conflicts: the pre-checks
 * give friendly answers, and the unique indexes decide when two requests race.
 */
@Component
class AccountStore {

  static final long ADMINS_LOCK = 0x756d735f61646dL;
  private static final int NICKNAME_ATTEMPTS = 10;

  private final UserRepository users;
  private final NicknameGenerator nicknames;
  private final Clock clock;

  AccountStore(UserRepository users, NicknameGenerator nicknames, Clock clock) {
    this.users = users;
    this.nicknames = nicknames;
    this.clock = clock;
  }

  User loadForUpdate(UserId id) {
    return findForUpdate(id).orElseThrow(UserNotFoundException::new);
  }

  java.util.Optional<User> findForUpdate(UserId id) {
    return users.findByIdForUpdate(id.value());
  }

  void requireEmailFree(String email) {
    if (users.existsByEmail(email)) {
      throw AccountConflictException.emailTaken();
    }
  }

  void requireNicknameFree(String nickname) {
    if (users.existsByNickname(nickname)) {
      throw AccountConflictException.nicknameTaken();
    }
  }

  /** The nickname asked for when it is free, else a generated one nobody has. */
  String nicknameFor(String requested) {
    if (requested != null) {
      requireNicknameFree(requested);
      return requested;
    }
    for (int attempt = 0; attempt < NICKNAME_ATTEMPTS; attempt++) {
      String candidate = nicknames.next();
      if (!users.existsByNickname(candidate)) {
        return candidate;
      }
    }
    // Ten collisions in a row among 100 million combinations means the space is nearly full.
    return nicknames.next() + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  User save(User user) {
    try {
      return users.saveAndFlush(user);
    } catch (DataIntegrityViolationException e) {
      throw conflictFrom(e);
    }
  }

  void delete(User user) {
    users.delete(user);
  }

  /** Holds, until commit, the lock that keeps two transactions from removing the last administrators. */
  void lockAdministrators() {
    users.lockTransactionOn(ADMINS_LOCK);
  }

  /** Refuses when {@code target} is an administrator and no other unlocked administrator would remain. */
  void requireAnotherAdministrator(User target) {
    if (!hasAnotherAdministrator(target)) {
      throw AccountConflictException.lastAdmin();
    }
  }

  /** Whether someone other than {@code target} could still administer; always true for a non-admin. */
  boolean hasAnotherAdministrator(User target) {
    return target.role() != Role.ADMIN
        || users.countOtherActiveAdmins(target.id().value(), clock.instant()) > 0;
  }

  Clock clock() {
    return clock;
  }

  private static AccountConflictException conflictFrom(DataIntegrityViolationException e) {
    String message = String.valueOf(e.getMostSpecificCause().getMessage());
    if (message.contains("users_nickname_key")) {
      return AccountConflictException.nicknameTaken();
    }
    if (message.contains("users_email_key")) {
      return AccountConflictException.emailTaken();
    }
    throw e;
  }
}
