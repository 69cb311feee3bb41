package org.ums.authentication;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.ums.account.LoginRejectedException;
import org.ums.account.UserId;

/** Tells whoever keeps account that a login was refused, and why ({@link LoginFailed}). */
@Component
class LoginFailures {

  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  LoginFailures(ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
  }

  void record(LoginRejectedException refusal) {
    UserId account = refusal.account().orElse(null);
    record(account, switch (refusal.reason()) {
      case BAD_CREDENTIALS -> account == null ? LoginFailed.Reason.UNKNOWN_ACCOUNT : LoginFailed.Reason.WRONG_PASSWORD;
      case EMAIL_NOT_VERIFIED -> LoginFailed.Reason.EMAIL_NOT_VERIFIED;
      case LOCKED -> LoginFailed.Reason.LOCKED;
    });
  }

  void record(UserId account, LoginFailed.Reason reason) {
    // In a transaction of its own, so that the refused login's record stands.
    transaction.executeWithoutResult(status ->
        events.publishEvent(new LoginFailed(account, reason, clock.instant())));
  }
}
