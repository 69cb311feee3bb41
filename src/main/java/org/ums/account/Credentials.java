package org.ums.account;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks an email and password. The hash is computed outside any transaction (it is the slow part), and the
 * outcome is recorded on the row under a lock, so that instances sharing the database count failures together.
 */
@Service
public class Credentials {

  private final UserRepository users;
  private final AccountStore store;
  private final PasswordEncoder passwordEncoder;
  private final PasswordPolicy passwordPolicy;
  private final AccountProperties properties;
  private final TransactionTemplate transaction;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
  private final PendingLinks pendingLinks;
  private volatile String unknownUserHash;

  Credentials(UserRepository users, AccountStore store, PasswordEncoder passwordEncoder,
      AccountProperties properties, TransactionTemplate transaction, PasswordPolicy passwordPolicy,
      org.springframework.jdbc.core.simple.JdbcClient jdbc, PendingLinks pendingLinks) {
    this.pendingLinks = pendingLinks;
    this.jdbc = jdbc;
    this.passwordPolicy = passwordPolicy;
    this.users = users;
    this.store = store;
    this.passwordEncoder = passwordEncoder;
    this.properties = properties;
    this.transaction = transaction;
  }

  /**
   * The account whose email and password these are.
   *
   * @throws LoginRejectedException BAD_CREDENTIALS for an unknown email or a wrong password (after spending a
   *     hash either way, so the two take the same time), EMAIL_NOT_VERIFIED for the right password on an
   *     unverified account, LOCKED while the account is locked
   */
  public AuthenticatedUser authenticate(String email, String password) {
    passwordPolicy.checkAttempt("password", password).ifPresent(violation -> {
      throw new InvalidAccountDataException(violation);
    });
    Instant now = store.clock().instant();
    Optional<User> found = AccountValidation.hasControlCharacters(email) ? Optional.empty()
        : users.findByEmail(AccountValidation.normalizeEmail(email));
    if (found.isEmpty()) {
      passwordEncoder.matches(password, unknownUserHash());
      throw new LoginRejectedException(LoginRejectedException.Reason.BAD_CREDENTIALS, null);
    }
    User user = found.get();
    if (!user.hasPassword()) {
      // An imported account until its owner sets a password: refused as a wrong password would be, as slowly.
      passwordEncoder.matches(password, unknownUserHash());
      throw new LoginRejectedException(LoginRejectedException.Reason.BAD_CREDENTIALS, user.id());
    }
    UserId id = user.id();
    boolean administrator = user.role() == Role.ADMIN;
    // The attempt is counted as failed before the hash is computed, under the row lock: guesses made at the same
    // time are counted one after the other, and none is checked once the limit is reached.
    reserveAttempt(id, administrator, now);
    if (!matchesReserved(id, password, user.passwordHash())) {
      recordFailure(id, administrator, now);
      throw new LoginRejectedException(LoginRejectedException.Reason.BAD_CREDENTIALS, id);
    }
    if (!user.isEmailVerified()) {
      // The right password is no guess: the attempt reserved above is not counted.
      forgetReservedAttempt(id);
      throw new LoginRejectedException(LoginRejectedException.Reason.EMAIL_NOT_VERIFIED, id);
    }
    String upgradedHash = upgradedHash(user, password);
    return transaction.execute(status -> {
      User current = store.findForUpdate(id)
          .orElseThrow(() -> new LoginRejectedException(LoginRejectedException.Reason.BAD_CREDENTIALS, id));
      if (current.isLockedAt(now)) {
        throw LoginRejectedException.locked(current, now, properties.lockoutPolicy());
      }
      current.recordSuccessfulLogin(now);
      if (upgradedHash != null) {
        current.rehashPassword(upgradedHash);
      }
      store.save(current);
      return new AuthenticatedUser(current.id(), current.role(), current.tokenVersion());
    });
  }

  private void reserveAttempt(UserId id, boolean administrator, Instant now) {
    transaction.executeWithoutResult(status -> {
      if (administrator) {
        store.lockAdministrators();
      }
      User current = store.findForUpdate(id)
          .orElseThrow(() -> new LoginRejectedException(LoginRejectedException.Reason.BAD_CREDENTIALS, id));
      if (current.isLockedAt(now)
          || !current.reserveLoginAttempt(properties.maxLoginAttempts(), now, store.hasAnotherAdministrator(current))) {
        throw LoginRejectedException.locked(current, now, properties.lockoutPolicy());
      }
      store.save(current);
    });
  }

  private void recordFailure(UserId id, boolean administrator, Instant now) {
    transaction.executeWithoutResult(status -> {
      if (administrator) {
        // Same lock order as administration (administrators first, then the row): no deadlock.
        store.lockAdministrators();
      }
      store.findForUpdate(id).ifPresent(current -> {
        current.failReservedLogin(properties.lockoutPolicy(), now, store.hasAnotherAdministrator(current));
        store.save(current);
      });
    });
  }

  /**
   * Checks a password for an attempt reserved before; when no verdict comes (every hashing thread busy, an
   * interruption), the reservation is given back, so that a flood of requests can never lock an account by itself.
   */
  private boolean matchesReserved(UserId id, String password, String hash) {
    try {
      return passwordEncoder.matches(password, hash);
    } catch (RuntimeException e) {
      transaction.executeWithoutResult(status -> store.findForUpdate(id).ifPresent(current -> {
        current.releaseReservedAttempt();
        store.save(current);
      }));
      throw e;
    }
  }

  /** A hash with today's algorithm for a password that matched an older one; null when none is needed or possible. */
  private String upgradedHash(User user, String password) {
    try {
      return passwordEncoder.upgradeEncoding(user.passwordHash()) ? passwordEncoder.encode(password) : null;
    } catch (PasswordHashingBusyException e) {
      // The password was right: the new hash can wait for the next login.
      return null;
    }
  }

  private void forgetReservedAttempt(UserId id) {
    transaction.executeWithoutResult(status -> store.findForUpdate(id).ifPresent(current -> {
      current.forgetFailedLogins();
      store.save(current);
    }));
  }

  /**
   * Checks the password of a signed-in user before a change that needs it (a new password, a new email). A wrong
   * one counts as a failed login, under the same limit and lockout; a right one forgets the failures.
   *
   * @throws InvalidAccountDataException naming {@code field} when it is missing or wrong
   * @throws LoginRejectedException LOCKED while failed attempts keep the account locked
   */
  public void checkCurrentPassword(UserId id, String field, String password) {
    if (password == null || password.isEmpty()) {
      throw new InvalidAccountDataException(new FieldViolation(field, "validation.required", "NotBlank"));
    }
    User user = users.findById(id.value()).orElseThrow(UserNotFoundException::new);
    if (!user.hasPassword() || passwordPolicy.checkAttempt(field, password).isPresent()) {
      throw new InvalidAccountDataException(new FieldViolation(field, "validation.current-password",
          "CurrentPassword"));
    }
    Instant now = store.clock().instant();
    boolean administrator = user.role() == Role.ADMIN;
    reserveAttempt(id, administrator, now);
    if (!matchesReserved(id, password, user.passwordHash())) {
      recordFailure(id, administrator, now);
      throw new InvalidAccountDataException(new FieldViolation(field, "validation.current-password",
          "CurrentPassword"));
    }
    forgetReservedAttempt(id);
  }

  /**
   * The account as it is now, for a token that renews a login: its current role.
   *
   * @throws LoginRejectedException BAD_CREDENTIALS when the account is gone, LOCKED while an administrator's lock
   *     holds
   */
  public AuthenticatedUser current(UserId id) {
    // Three columns, not the whole account: this runs on every refresh of a login.
    Instant now = store.clock().instant();
    // A lockout after failed logins is about guessed passwords, not about the owner's logins: only an
    // administrator's lock ends them.
    return jdbc.sql("select role, token_version, is_locked, locked_by_administrator from users where id = :id")
        .param("id", id.value())
        .query((row, number) -> {
          if (row.getBoolean("is_locked") && row.getBoolean("locked_by_administrator")) {
            throw new LoginRejectedException(LoginRejectedException.Reason.LOCKED, id);
          }
          return new AuthenticatedUser(id, Role.valueOf(row.getString("role")), row.getLong("token_version"));
        })
        .optional()
        .orElseThrow(() -> new LoginRejectedException(LoginRejectedException.Reason.BAD_CREDENTIALS, id));
  }

  /**
   * Replaces the password of a logged-in user who proves they know the current one; the owner is emailed.
   *
   * @throws InvalidAccountDataException naming {@code current_password} when it is wrong, {@code new_password}
   *     when it breaks the rules
   */
  public void changePassword(UserId id, String currentPassword, String newPassword) {
    var violations = new java.util.ArrayList<FieldViolation>();
    if (currentPassword == null || currentPassword.isEmpty()) {
      violations.add(new FieldViolation("current_password", "validation.required", "NotBlank"));
    }
    passwordPolicy.check("new_password", newPassword).ifPresent(violations::add);
    if (!violations.isEmpty()) {
      throw new InvalidAccountDataException(violations);
    }
    checkCurrentPassword(id, "current_password", currentPassword);
    String hash = passwordEncoder.encode(newPassword);
    transaction.executeWithoutResult(status -> {
      User current = store.loadForUpdate(id);
      Instant now = store.clock().instant();
      current.changePassword(hash, PasswordChanged.Way.CHANGED_BY_OWNER, now);
      current.recordEdit(java.util.List.of("password"), now);
      store.save(current);
    });
  }

  /** The version that the account's valid access tokens carry; empty when the account is gone. */
  public java.util.OptionalLong tokenVersion(UserId id) {
    return users.findTokenVersion(id.value()).map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty());
  }

  /**
   * Refuses every access token of the account issued so far (logging out everywhere), and cancels its pending links
   * (an email change, reset links): whoever is being logged out may have filed them.
   */
  public void revokeTokens(UserId id) {
    transaction.executeWithoutResult(status -> store.findForUpdate(id).ifPresent(user -> {
      user.revokeTokens();
      store.save(user);
      pendingLinks.cancel(id);
    }));
  }

  private String unknownUserHash() {
    String hash = unknownUserHash;
    if (hash == null) {
      hash = passwordEncoder.encode("unknown-user-" + System.nanoTime());
      unknownUserHash = hash;
    }
    return hash;
  }
}
