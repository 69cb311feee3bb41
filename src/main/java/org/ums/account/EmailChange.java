package org.ums.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new email for an account, in two steps: its owner asks with their password, and a link sent to the new
 * address confirms it. Until then the old address stays in force (logins, emails); once confirmed, the old
 * address is told ({@link EmailChanged}). One change is pending per account; a new request replaces it. The
 * link carries 256 random bits, kept only as a SHA-256 hash, works once and expires after
 * {@link AccountProperties#verificationTokenLifetime()}.
 */
@Service
public class EmailChange {

  private static final int MAX_TOKEN = 200;
  private static final String INVALID = "email-change.invalid-token";

  private final AccountStore store;
  private final AccountValidation validation;
  private final Credentials credentials;
  private final UserRepository users;
  private final AccountProperties properties;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;

  EmailChange(AccountStore store, AccountValidation validation, Credentials credentials, UserRepository users,
      AccountProperties properties, JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher events) {
    this.store = store;
    this.validation = validation;
    this.credentials = credentials;
    this.users = users;
    this.properties = properties;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.events = events;
  }

  /** The pending new address and a fresh token for the link sent to it. */
  public record PendingEmail(String newEmail, String token) {
  }

  /**
   * Asks for {@code newEmail} to replace the account's email; a link is sent to it.
   *
   * @throws InvalidAccountDataException naming {@code password} when it is missing or wrong, {@code new_email} when
   *     it is no email address or the current one
   * @throws AccountConflictException when another account has that email
   * @throws LoginRejectedException LOCKED while wrong passwords keep the account locked (they count as failed logins)
   */
  public void request(UserId id, String password, String newEmail) {
    var violations = new ArrayList<FieldViolation>();
    if (password == null || password.isEmpty()) {
      violations.add(new FieldViolation("password", "validation.required", "NotBlank"));
    }
    validation.checkEmail("new_email", newEmail, violations);
    if (!violations.isEmpty()) {
      throw new InvalidAccountDataException(violations);
    }
    String normalized = AccountValidation.normalizeEmail(newEmail);
    User user = users.findById(id.value()).orElseThrow(UserNotFoundException::new);
    credentials.checkCurrentPassword(id, "password", password);
    if (user.email().equalsIgnoreCase(normalized)) {
      throw new InvalidAccountDataException(new FieldViolation("new_email", "validation.email-unchanged",
          "EmailUnchanged"));
    }
    if (users.existsByEmail(normalized)) {
      throw new AccountConflictException("account.email-taken");
    }
    transaction.executeWithoutResult(status -> {
      Instant now = store.clock().instant();
      jdbc.sql("""
              insert into email_change_requests (user_id, new_email, token_hash, expires_at, created_at)
              values (:user, :email, null, :expires, :now)
              on conflict (user_id) do update set new_email = excluded.new_email, token_hash = null,
                expires_at = excluded.expires_at, created_at = excluded.created_at""")
          .param("user", id.value()).param("email", normalized)
          .param("expires", Timestamp.from(now.plus(properties.verificationTokenLifetime())))
          .param("now", Timestamp.from(now)).update();
      events.publishEvent(new EmailChangeRequested(id, now));
    });
  }

  /**
   * A fresh token for the link to the pending new address, for the email that carries it (the previous link stops
   * working); empty when no change is pending.
   */
  public Optional<PendingEmail> issueToken(UserId id) {
    String token = SecretTokens.next();
    Instant now = store.clock().instant();
    return jdbc.sql("""
            update email_change_requests set token_hash = :hash, expires_at = :expires
            where user_id = :user returning new_email""")
        .param("hash", SecretTokens.hash(token)).param("user", id.value())
        .param("expires", Timestamp.from(now.plus(properties.verificationTokenLifetime())))
        .query(String.class).optional().map(email -> new PendingEmail(email, token));
  }

  /**
   * Makes the pending address the account's email: the link proves it, so it counts as verified.
   *
   * @throws InvalidVerificationTokenException when the token is unknown, used or expired, in one sentence
   * @throws AccountConflictException when another account took the address meanwhile
   */
  public void confirm(String token) {
    if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
      throw new InvalidVerificationTokenException(INVALID);
    }
    byte[] hash = SecretTokens.hash(token);
    transaction.executeWithoutResult(status -> {
      Instant now = store.clock().instant();
      // Deleting is the check: of two uses at once, only one deletes the row.
      var pending = jdbc.sql("""
              delete from email_change_requests where token_hash = :hash and expires_at > :now
              returning user_id, new_email""")
          .param("hash", hash).param("now", Timestamp.from(now))
          .query((row, number) -> new Pending(row.getObject("user_id", UUID.class), row.getString("new_email")))
          .optional().orElseThrow(() -> new InvalidVerificationTokenException(INVALID));
      if (users.existsByEmail(pending.newEmail())) {
        throw new AccountConflictException("account.email-taken");
      }
      User user = store.findForUpdate(UserId.of(pending.userId()))
          .orElseThrow(() -> new InvalidVerificationTokenException(INVALID));
      user.confirmNewEmail(pending.newEmail(), now);
      store.save(user);
    });
  }

  private record Pending(UUID userId, String newEmail) {
  }
}
