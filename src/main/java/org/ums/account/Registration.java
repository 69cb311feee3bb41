package org.ums.account;

import java.time.Instant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Self-service sign-up: opens an unverified account and asks for its verification email. */
@Service
public class Registration {

  private final AccountStore store;
  private final AccountValidation validation;
  private final PasswordEncoder passwordEncoder;
  private final AccountProperties properties;
  private final UserRepository users;

  Registration(AccountStore store, AccountValidation validation, PasswordEncoder passwordEncoder,
      AccountProperties properties, UserRepository users) {
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
  @Transactional
  public UserView register(NewAccount account) {
    String email = validation.checkNewAccount(account);
    store.requireEmailFree(email);
    Role role = Role.ANONYMOUS;
    if (properties.firstUserIsAdmin()) {
      store.lockAdministrators();
      if (users.count() == 0) {
        role = Role.ADMIN;
      }
    }
    return UserView.of(open(account, email, role));
  }

  /** Opens an account after the caller's checks; shared with administration so both follow one path. */
  User open(NewAccount account, String email, Role role) {
    String nickname = store.nicknameFor(account.nickname());
    Instant now = store.clock().instant();
    User user = User.register(email, nickname, passwordEncoder.encode(account.password()), account.profile(),
        role, now);
    return store.save(user);
  }
}
