package org.ums.account;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cancels the links an account has out (a pending change of email, password reset and invitation links) when
 * something happens that means whoever holds them may no longer be the owner: a new password (reset, changed, set
 * by an operator), logging out everywhere, a lock by an administrator, a new email. Otherwise someone who once knew
 * the password could file a change to their own address, wait for the owner to recover the account, and then take
 * it. Runs in the transaction of the change.
 */
@Component
class PendingLinks {

  private final JdbcClient jdbc;

  PendingLinks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(PasswordChanged event) {
    cancel(event.userId());
  }

  @EventListener
  void on(UserLocked event) {
    if (event.byAdministrator()) {
      cancel(event.userId());
    }
  }

  /** Reset links were sent to the old address: they die with it. */
  @EventListener
  void on(EmailChanged event) {
    cancel(event.userId());
  }

  /** Every pending link of the account stops working. */
  void cancel(UserId user) {
    jdbc.sql("delete from email_change_requests where user_id = :user").param("user", user.value()).update();
    jdbc.sql("delete from password_reset_tokens where user_id = :user").param("user", user.value()).update();
  }
}
