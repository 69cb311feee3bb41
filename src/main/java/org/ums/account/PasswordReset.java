package org.ums.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Choosing a password through a link sent by email: after a forgotten password, or to accept an invitation to
 * an imported account. Links carry 256 random bits, are kept only as SHA-256 hashes, work once and expire
 * ({@link AccountProperties#passwordResetLifetime()}, {@link AccountProperties#invitationLifetime()}). Using one
 * proves the address, so it also verifies the email, and it ends a lockout that failed logins caused (not a lock
 * set by an administrator).
 */
@Service
public class PasswordReset {

  private static final int MAX_TOKEN = 200;

  private final AccountStore store;
  private final AccountValidation validation;
  private final PasswordPolicy passwordPolicy;
  private final PasswordEncoder passwordEncoder;
  private final UserRepository users;
  private final AccountProperties properties;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;

  PasswordReset(AccountStore store, AccountValidation validation, PasswordPolicy passwordPolicy,
      PasswordEncoder passwordEncoder, UserRepository users, AccountProperties properties, JdbcClient jdbc,
      TransactionTemplate transaction, ApplicationEventPublisher events) {
    this.store = store;
    this.validation = validation;
    this.passwordPolicy = passwordPolicy;
    this.passwordEncoder = passwordEncoder;
    this.users = users;
    this.properties = properties;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.events = events;
  }

  /**
   * Sends a link to the account with this email, if there is one. Says nothing either way, so that nobody learns
   * which emails have accounts.
   */
  @Transactional
  public void request(String email) {
    var violations = new ArrayList<FieldViolation>();
    validation.checkEmail(email, violations);
    if (!violations.isEmpty()) {
      return;
    }
    users.findByEmail(AccountValidation.normalizeEmail(email)).ifPresent(user ->
        events.publishEvent(new PasswordResetRequested(user.id(), store.clock().instant())));
  }

  /** A fresh link token for a reset, for the email that carries it; empty when the account is gone. */
  public Optional<String> issueResetToken(UserId userId) {
    return issue(userId, properties.passwordResetLifetime());
  }

  /** A fresh link token for an invitation, valid longer than a reset's; empty when the account is gone. */
  public Optional<String> issueInvitationToken(UserId userId) {
    return issue(userId, properties.invitationLifetime());
  }

  private Optional<String> issue(UserId userId, Duration lifetime) {
    return transaction.execute(status -> users.findById(userId.value()).map(user -> {
      String token = SecretTokens.next();
      Instant now = store.clock().instant();
      jdbc.sql("delete from password_reset_tokens where user_id = :user and expires_at <= :now")
          .param("user", userId.value()).param("now", Timestamp.from(now)).update();
      jdbc.sql("insert into password_reset_tokens (token_hash, user_id, expires_at, created_at) "
              + "values (:hash, :user, :expires, :now)")
          .param("hash", SecretTokens.hash(token)).param("user", userId.value())
          .param("expires", Timestamp.from(now.plus(lifetime))).param("now", Timestamp.from(now)).update();
      return token;
    }));
  }

  /**
   * Sets the password of the account the link was sent to; every other link of the account stops working.
   *
   * @throws InvalidAccountDataException when the password breaks the rules (the link stays usable)
   * @throws InvalidVerificationTokenException when the token is unknown, used or expired, in one sentence
   */
  public void confirm(String token, String password) {
    var violations = new ArrayList<FieldViolation>();
    if (token == null || token.isBlank()) {
      violations.add(new FieldViolation("token", "validation.required", "NotBlank"));
    }
    passwordPolicy.check("password", password).ifPresent(violations::add);
    if (!violations.isEmpty()) {
      throw new InvalidAccountDataException(violations);
    }
    if (token.length() > MAX_TOKEN) {
      throw new InvalidVerificationTokenException("password-reset.invalid-token");
    }
    byte[] tokenHash = SecretTokens.hash(token);
    // A guessed token costs a lookup, not a password hash.
    boolean known = jdbc.sql("select exists(select 1 from password_reset_tokens where token_hash = :hash "
            + "and expires_at > :now)")
        .param("hash", tokenHash).param("now", Timestamp.from(store.clock().instant())).query(Boolean.class).single();
    if (!known) {
      throw new InvalidVerificationTokenException("password-reset.invalid-token");
    }
    String hash = passwordEncoder.encode(password);
    transaction.executeWithoutResult(status -> {
      Instant now = store.clock().instant();
      // Deleting is the check: of two uses at once, only one deletes the row.
      UUID owner = jdbc.sql("delete from password_reset_tokens where token_hash = :hash and expires_at > :now "
              + "returning user_id")
          .param("hash", tokenHash).param("now", Timestamp.from(now))
          .query(UUID.class).optional()
          .orElseThrow(() -> new InvalidVerificationTokenException("password-reset.invalid-token"));
      User user = store.findForUpdate(UserId.of(owner))
          .orElseThrow(() -> new InvalidVerificationTokenException("password-reset.invalid-token"));
      jdbc.sql("delete from password_reset_tokens where user_id = :user").param("user", owner).update();
      user.changePassword(hash, PasswordChanged.Way.RESET, now);
      if (!user.isEmailVerified()) {
        user.verifyEmail(now);
      }
      user.releaseLockout(now);
      user.recordEdit(java.util.List.of("password"), now);
      store.save(user);
    });
  }
}
