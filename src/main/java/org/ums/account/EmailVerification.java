package org.ums.account;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proof that a user owns their email address: single-use links of 256 random bits, kept only as SHA-256 hashes
 * and valid for {@link AccountProperties#verificationTokenLifetime()}.
 */
@Service
public class EmailVerification {

  private final AccountStore store;
  private final AccountValidation validation;
  private final UserRepository users;
  private final EmailVerificationTokenRepository tokens;
  private final AccountProperties properties;

  EmailVerification(AccountStore store, AccountValidation validation, UserRepository users,
      EmailVerificationTokenRepository tokens, AccountProperties properties) {
    this.store = store;
    this.validation = validation;
    this.users = users;
    this.tokens = tokens;
    this.properties = properties;
  }

  /**
   * Verifies the user's email with a token from a link: the account becomes AUTHENTICATED (when it was
   * ANONYMOUS) and every outstanding link of the user stops working.
   *
   * @throws InvalidVerificationTokenException when the token is unknown, used, expired or someone else's
   */
  @Transactional(noRollbackFor = InvalidVerificationTokenException.class)
  public void verify(UserId userId, String token) {
    Instant now = store.clock().instant();
    // Deleting is the check: of two clicks at once, only one deletes the row.
    if (tokens.consume(SecretTokens.hash(token), userId.value(), now) == 0) {
      throw new InvalidVerificationTokenException();
    }
    User user = store.findForUpdate(userId).orElseThrow(InvalidVerificationTokenException::new);
    tokens.deleteByUserId(userId.value());
    user.verifyEmail(now);
    store.save(user);
  }

  /**
   * Asks for a new link for the account with this email when it exists and is unverified. Says nothing either
   * way, so that nobody learns which emails have accounts.
   */
  @Transactional
  public void requestNewLink(String email) {
    var violations = new java.util.ArrayList<FieldViolation>();
    validation.checkEmail(email, violations);
    if (!violations.isEmpty()) {
      // No account can have this address; the answer stays the same as for any other.
      return;
    }
    users.findByEmail(AccountValidation.normalizeEmail(email)).ifPresent(user -> {
      user.requestVerificationEmail(store.clock().instant());
      store.save(user);
    });
  }

  /**
   * Issues a fresh token for an unverified account, for the notification that sends the link. The token is
   * returned once and never stored in clear. Empty when the account is gone or already verified.
   */
  @Transactional
  public Optional<String> issueToken(UserId userId) {
    return users.findById(userId.value()).filter(user -> !user.isEmailVerified()).map(user -> {
      String token = SecretTokens.next();
      Instant now = store.clock().instant();
      tokens.save(new EmailVerificationToken(userId, SecretTokens.hash(token),
          now.plus(properties.verificationTokenLifetime()), now));
      return token;
    });
  }
}
