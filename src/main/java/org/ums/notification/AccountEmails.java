package org.ums.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.ums.account.Accounts;
import org.ums.account.Contact;
import org.ums.account.EmailVerification;
import org.ums.account.EmailVerificationRequested;
import org.ums.account.UserId;
import org.ums.account.UserLocked;
import org.ums.account.UserRegistered;
import org.ums.account.UserUnlocked;

/**
 * Emails that follow account events. Each runs after the event's transaction commits, from the durable event
 * registry: if sending fails or the service stops, the event stays incomplete and is delivered again.
 */
@Component
class AccountEmails {

  private final Accounts accounts;
  private final EmailVerification verification;
  private final EmailComposer composer;
  private final MailGateway mail;
  private final NotificationProperties properties;

  AccountEmails(Accounts accounts, EmailVerification verification, EmailComposer composer, MailGateway mail,
      NotificationProperties properties) {
    this.accounts = accounts;
    this.verification = verification;
    this.composer = composer;
    this.mail = mail;
    this.properties = properties;
  }

  @ApplicationModuleListener
  void on(UserRegistered event) {
    sendVerificationLink(event.userId());
  }

  @ApplicationModuleListener
  void on(EmailVerificationRequested event) {
    sendVerificationLink(event.userId());
  }

  @ApplicationModuleListener
  void on(UserLocked event) {
    accounts.contact(event.userId()).ifPresent(contact -> send("locked", contact, Map.of()));
  }

  @ApplicationModuleListener
  void on(UserUnlocked event) {
    accounts.contact(event.userId()).ifPresent(contact -> send("unlocked", contact, Map.of()));
  }

  /** A fresh token each time: the event never carries one, so no token is ever stored in clear. */
  private void sendVerificationLink(UserId userId) {
    accounts.contact(userId).ifPresent(contact -> verification.issueToken(userId).ifPresent(token ->
        send("verification", contact, Map.of("link",
            properties.link("/verify-email/" + userId.value() + "/" + token)))));
  }

  private void send(String kind, Contact contact, Map<String, Object> variables) {
    var all = new java.util.HashMap<String, Object>(variables);
    all.put("name", contact.displayName());
    all.put("serviceUrl", properties.link("/"));
    mail.send(composer.compose(kind, contact.email(), Locale.ENGLISH, all));
  }
}
