package org.ums.account;

import java.time.Instant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Self-service sign-up: opens an unverified account and asks for its verification email. */
@Service
public class Registration {

  private final AccountStore store;
  private final AccountValidation validation;
  private final PasswordEncoder passwordEncoder;
  private final AccountProperties properties;
  private final UserRepository users;
  private final TransactionTemplate transaction;

  Registration(AccountStore store, AccountValidation validation, PasswordEncoder passwordEncoder,
      AccountProperties properties, UserRepository users, TransactionTemplate transaction) {
    this.transaction = transaction;
    this.store = store;
    this.validation = validation;
    this.passwordEncoder = passwordEncoder;
    this.properties = properties;
    this.users = users;
  }

  /**
   * Opens an ANONYMOUS account (ADMIN for the very first one when so configured) and publishes
   * {@link UserRegistered}, whose listener sends the verification email.
   *
   * @throws InvalidAccountDataException when a field breaks a rule
   * @throws AccountConflictException when the email or nickname is taken
   */
  public UserView register(NewAccount account) {
    String email = validation.checkNewAccount(account);
    String passwordHash = hash(account);
    return transaction.execute(status -> {
      store.requireEmailFree(email);
      Role role = Role.ANONYMOUS;
      if (properties.firstUserIsAdmin()) {
        store.lockAdministrators();
        if (users.count() == 0) {
          role = Role.ADMIN;
        }
      }
      return UserView.of(open(account, email, role, passwordHash), store.clock().instant());
    });
  }

  /** The slow part, done before any transaction so that no database connection waits for it. */
  String hash(NewAccount account) {
    return passwordEncoder.encode(account.password());
  }

  /** Opens an account after the caller's checks; shared with administration so both follow one path. */
  User open(NewAccount account, String email, Role role, String passwordHash) {
    String nickname = store.nicknameFor(account.nickname());
    Instant now = store.clock().instant();
    return store.save(User.register(email, nickname, passwordHash, account.profile(), role, now));
  }
}
