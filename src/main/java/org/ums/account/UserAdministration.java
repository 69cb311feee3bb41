package org.ums.account;

import java.time.Instant;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What managers and administrators do to accounts, under the role rules: browse, read, create, edit, lock,
 * unlock and delete. The last unlocked ADMIN can never be deleted, demoted or locked.
 */
@Service
public class UserAdministration {

  private final UserRepository users;
  private final AccountStore store;
  private final AccountValidation validation;
  private final Registration registration;
  private final UserReads reads;
  private final EmailVerificationTokenRepository tokens;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;

  UserAdministration(UserRepository users, AccountStore store, AccountValidation validation,
      Registration registration, UserReads reads, EmailVerificationTokenRepository tokens,
      TransactionTemplate transaction, ApplicationEventPublisher events) {
    this.events = events;
    this.reads = reads;
    this.tokens = tokens;
    this.transaction = transaction;
    this.users = users;
    this.store = store;
    this.validation = validation;
    this.registration = registration;
  }

  /**
   * Hands every user that matches to {@code each}, in the search's order, after recording who exported what
   * ({@link UsersExported}, in a transaction of its own so the record stands even if the download breaks off).
   */
  public void export(Actor actor, UserSearch search, Map<String, String> filters,
      java.util.function.Consumer<UserView> each) {
    AccountRules.requireAdministrator(actor);
    transaction.executeWithoutResult(status ->
        events.publishEvent(new UsersExported(actor.id(), filters, store.clock().instant())));
    reads.export(search, each);
  }

  /** The users that match the search, in its order. */
  public UserPage search(Actor actor, UserSearch search) {
    AccountRules.requireAdministrator(actor);
    return reads.search(search);
  }

  public UserView get(Actor actor, UserId id) {
    AccountRules.requireAdministrator(actor);
    return reads.find(id).orElseThrow(UserNotFoundException::new);
  }

  /**
   * Opens an account for someone else, with a role within the actor's rights (ANONYMOUS when none is given);
   * the new user receives a verification email like any registrant.
   */
  public UserView create(Actor actor, NewAccount account, Role role) {
    AccountRules.requireAdministrator(actor);
    Role granted = role == null ? Role.ANONYMOUS : role;
    AccountRules.requireMayGrant(actor, granted);
    String email = validation.checkNewAccount(account);
    String passwordHash = registration.hash(account);
    return transaction.execute(status -> {
      store.requireEmailFree(email);
      return UserView.of(registration.open(account, email, granted, passwordHash), store.clock().instant());
    });
  }

  /**
   * Gives the user another role, for the reason stated, under the role rules: nobody changes their own role, a
   * manager moves users only between ANONYMOUS and AUTHENTICATED, the last unlocked ADMIN keeps the role. The
   * user is told by email, with the reason.
   *
   * @throws InvalidAccountDataException when the role or the reason is missing, or the reason too long
   * @throws OperationNotAllowedException when the rules forbid it
   * @throws AccountConflictException when it would leave no administrator
   */
  @Transactional
  public UserView changeRole(Actor actor, UserId id, Role role, String reason) {
    AccountRules.requireAdministrator(actor);
    var violations = new java.util.ArrayList<FieldViolation>();
    if (role == null) {
      violations.add(new FieldViolation("role", "validation.required", "NotNull"));
    }
    AccountValidation.checkReason(reason, true, violations);
    if (!violations.isEmpty()) {
      throw new InvalidAccountDataException(violations);
    }
    store.lockAdministrators();
    User user = store.loadForUpdate(id);
    AccountRules.requireMayManage(actor, user);
    Instant now = store.clock().instant();
    if (role != user.role()) {
      AccountRules.requireNotSelf(actor, user);
      AccountRules.requireMayGrant(actor, role);
      store.requireAnotherAdministrator(user);
      user.changeRole(role, actor.id(), reason.strip(), now);
    }
    return UserView.of(store.save(user), now);
  }

  /** Changes the fields given; a role change follows the role rules. */
  @Transactional
  public UserView update(Actor actor, UserId id, UserChanges changes) {
    AccountRules.requireAdministrator(actor);
    validation.checkChanges(changes);
    if (changes.role() != null || changes.email() != null) {
      store.lockAdministrators();
    }
    User user = store.loadForUpdate(id);
    AccountRules.requireMayManage(actor, user);
    Instant now = store.clock().instant();
    if (changes.email() != null) {
      String email = AccountValidation.normalizeEmail(changes.email());
      // The same address in other letter case is the same address (citext): nothing changes.
      if (!email.equalsIgnoreCase(user.email())) {
        store.requireEmailFree(email);
        // Until the new address is verified its owner cannot sign in: an administrator needs another one who can.
        store.requireAnotherAdministrator(user);
        // Links sent to the old address must not verify the new one; the new one gets a link of its own.
        tokens.deleteByUserId(id.value());
        user.changeEmailByStaff(email, now);
      }
    }
    if (changes.nickname() != null && !changes.nickname().equalsIgnoreCase(user.nickname())) {
      store.requireNicknameFree(changes.nickname());
      user.changeNickname(changes.nickname(), now);
    }
    if (changes.role() != null && changes.role() != user.role()) {
      AccountRules.requireNotSelf(actor, user);
      AccountRules.requireMayGrant(actor, changes.role());
      store.requireAnotherAdministrator(user);
      user.changeRole(changes.role(), actor.id(), null, now);
    }
    user.editProfile(changes, now);
    user.recordEdit(changes.fieldNames(), now);
    return UserView.of(store.save(user), now);
  }

  @Transactional
  public void delete(Actor actor, UserId id) {
    AccountRules.requireAdministrator(actor);
    store.lockAdministrators();
    User user = store.loadForUpdate(id);
    AccountRules.requireMayManage(actor, user);
    store.requireAnotherAdministrator(user);
    user.markDeleted(store.clock().instant());
    store.delete(user);
  }

  /** Locks the account until it is unlocked. */
  @Transactional
  public UserView lock(Actor actor, UserId id) {
    AccountRules.requireAdministrator(actor);
    store.lockAdministrators();
    User user = store.loadForUpdate(id);
    AccountRules.requireMayManage(actor, user);
    store.requireAnotherAdministrator(user);
    Instant now = store.clock().instant();
    user.lockByAdministrator(now);
    return UserView.of(store.save(user), now);
  }

  /** Unlocks the account and forgets its failed logins. */
  @Transactional
  public UserView unlock(Actor actor, UserId id) {
    AccountRules.requireAdministrator(actor);
    User user = store.loadForUpdate(id);
    AccountRules.requireMayManage(actor, user);
    Instant now = store.clock().instant();
    user.unlock(now);
    return UserView.of(store.save(user), now);
  }

  /**
   * Grants ({@code true}) or revokes the professional status, under the same rules as other changes; the
   * user is told by email when it changes.
   *
   * @throws InvalidAccountDataException when {@code professional} is missing
   */
  @Transactional
  public UserView setProfessionalStatus(Actor actor, UserId id, Boolean professional) {
    AccountRules.requireAdministrator(actor);
    if (professional == null) {
      throw new InvalidAccountDataException(new FieldViolation("is_professional", "validation.required",
          "NotNull"));
    }
    User user = store.loadForUpdate(id);
    AccountRules.requireMayManage(actor, user);
    Instant now = store.clock().instant();
    user.changeProfessionalStatus(professional, actor.id(), now);
    return UserView.of(store.save(user), now);
  }

  /** What the actor may do to this user, for the links of its representation. */
  public Permissions permissions(Actor actor, UserView user) {
    return AccountRules.permissions(actor, user.role());
  }
}
