package org.ums.account;

import java.util.Locale;
import java.util.Optional;
import org.ums.localization.Languages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up what other modules may know about an account. */
@Service
public class Accounts {

  private final UserRepository users;
  private final UserReads reads;

  Accounts(UserRepository users, UserReads reads) {
    this.users = users;
    this.reads = reads;
  }

  /** How to address the user in a message, or empty when the account no longer exists. */
  @Transactional(readOnly = true)
  public Optional<Contact> contact(UserId id) {
    return users.findById(id.value()).map(user -> new Contact(user.id(), user.email(), displayName(user),
        user.language(), user.zone()));
  }

  /** The language the user chose, if they chose one; read only when a sentence is about to be written. */
  public Optional<Locale> preferredLanguage(UserId id) {
    return reads.preferredLanguage(id).flatMap(Languages::byTag);
  }

  /** The caller's own account. */
  public UserView me(Actor actor) {
    return reads.find(actor.id()).orElseThrow(UserNotFoundException::new);
  }

  private static String displayName(User user) {
    return user.firstName() != null && !user.firstName().isBlank() ? user.firstName() : user.nickname();
  }
}
