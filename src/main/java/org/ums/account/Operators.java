package org.ums.account;

import java.time.Instant;
import java.util.ArrayList;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an operator at the admin console does that has no API call: appoint an administrator, vouch for an email
 * address, and find an account by its email. Changes are made as {@link Actor#CONSOLE}, under the same rules and
 * with the same events (so the same emails and audit entries) as through the API.
 */
@Service
public class Operators {

  static final String APPOINTED = "Appointed at the admin console";

  private final AccountStore store;
  private final AccountValidation validation;
  private final PasswordPolicy passwordPolicy;
  private final PasswordEncoder passwordEncoder;
  private final UserRepository users;
  private final TransactionTemplate transaction;

  Operators(AccountStore store, AccountValidation validation, PasswordPolicy passwordPolicy,
      PasswordEncoder passwordEncoder, UserRepository users, TransactionTemplate transaction) {
    this.store = store;
    this.validation = validation;
    this.passwordPolicy = passwordPolicy;
    this.passwordEncoder = passwordEncoder;
    this.users = users;
    this.transaction = transaction;
  }

  /** What {@link #appointAdministrator} did. */
  public enum Appointment { CREATED, PROMOTED, ALREADY_ADMINISTRATOR }

  /**
   * Makes the account with this email a verified, unlocked ADMIN, creating it when there is none (a password is
   * then required). A password given for an existing account replaces its password.
   *
   * @throws InvalidAccountDataException when the email or the password breaks the rules, or a new account has
   *     no password
   */
  public Appointment appointAdministrator(String email, String password) {
    var violations = new ArrayList<FieldViolation>();
    validation.checkEmail(email, violations);
    if (password != null) {
      passwordPolicy.check("password", password).ifPresent(violations::add);
    }
    if (!violations.isEmpty()) {
      throw new InvalidAccountDataException(violations);
    }
    String normalized = AccountValidation.normalizeEmail(email);
    String hash = password == null ? null : passwordEncoder.encode(password);
    return transaction.execute(status -> {
      store.lockAdministrators();
      Instant now = store.clock().instant();
      var found = users.findByEmail(normalized);
      if (found.isEmpty()) {
        if (hash == null) {
          throw new InvalidAccountDataException(new FieldViolation("password", "validation.required", "NotBlank"));
        }
        store.save(User.consoleAdministrator(normalized, store.nicknameFor(null), hash, now));
        return Appointment.CREATED;
      }
      User user = store.loadForUpdate(found.get().id());
      boolean wasAdministrator = user.role() == Role.ADMIN && user.isEmailVerified() && !user.isLockedAt(now);
      if (hash != null) {
        user.changePassword(hash, PasswordChanged.Way.SET_BY_OPERATOR, now);
        user.recordEdit(java.util.List.of("password"), now);
      }
      if (!user.isEmailVerified()) {
        user.verifyEmail(now);
      }
      user.unlock(now);
      user.changeRole(Role.ADMIN, UserId.CONSOLE, APPOINTED, now);
      store.save(user);
      return wasAdministrator ? Appointment.ALREADY_ADMINISTRATOR : Appointment.PROMOTED;
    });
  }

  /** Marks the email as verified, as its owner clicking the link would (ANONYMOUS becomes AUTHENTICATED). */
  public UserView verifyEmail(UserId id) {
    return transaction.execute(status -> {
      User user = store.loadForUpdate(id);
      Instant now = store.clock().instant();
      if (!user.isEmailVerified()) {
        user.verifyEmail(now);
      }
      return UserView.of(store.save(user), now);
    });
  }

  /**
   * The account with this email.
   *
   * @throws UserNotFoundException when there is none
   */
  public UserId idOf(String email) {
    if (email == null || AccountValidation.hasControlCharacters(email)) {
      throw new UserNotFoundException();
    }
    return users.findByEmail(AccountValidation.normalizeEmail(email)).map(User::id)
        .orElseThrow(UserNotFoundException::new);
  }
}
