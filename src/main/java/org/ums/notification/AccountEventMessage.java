package org.ums.notification;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ums.account.AccountEvent;
import org.ums.account.EmailVerificationRequested;
import org.ums.account.InvitationRequested;
import org.ums.account.PasswordChanged;
import org.ums.account.PasswordResetRequested;
import org.ums.account.EmailChangeRequested;
import org.ums.account.EmailChanged;
import org.ums.account.ProfessionalStatusChanged;
import org.ums.account.ProfessionalStatusRequestRejected;
import org.ums.account.RoleChanged;
import org.ums.account.UserId;
import org.ums.account.UserLocked;
import org.ums.account.UserRegistered;
import org.ums.account.UserUnlocked;

/**
 * The published form of an account event that concerns someone's inbox: the JSON value of a Kafka message on
 * the topic named by {@code type}, keyed by the user id (docs/events.md documents it for other subscribers).
 * In-process deliveries go through the same form, so both modes decide alike which email an event means.
 *
 * @param schemaVersion raised when a field changes meaning or goes away; new optional fields keep it
 * @param data the facts particular to the type, e.g. {@code old_role} and {@code new_role}
 */
record AccountEventMessage(int schemaVersion, UUID eventId, String type, Instant occurredAt, UUID userId,
    Map<String, String> data) {

  static final int SCHEMA_VERSION = 1;
  static final String REGISTERED = "ums.user.registered";
  static final String VERIFICATION_REQUESTED = "ums.user.verification-requested";
  static final String LOCKED = "ums.user.locked";
  static final String UNLOCKED = "ums.user.unlocked";
  static final String ROLE_CHANGED = "ums.user.role-changed";
  static final String PROFESSIONAL_STATUS_CHANGED = "ums.user.professional-status-changed";
  static final String PROFESSIONAL_STATUS_REQUEST_REJECTED = "ums.user.professional-status-request-rejected";
  static final String INVITATION_REQUESTED = "ums.user.invitation-requested";
  static final String PASSWORD_RESET_REQUESTED = "ums.user.password-reset-requested";
  static final String PASSWORD_CHANGED = "ums.user.password-changed";
  static final String EMAIL_CHANGE_REQUESTED = "ums.user.email-change-requested";
  static final String EMAIL_CHANGED = "ums.user.email-changed";
  static final List<String> TYPES = List.of(REGISTERED, VERIFICATION_REQUESTED, LOCKED, UNLOCKED, ROLE_CHANGED,
      PROFESSIONAL_STATUS_CHANGED, PROFESSIONAL_STATUS_REQUEST_REJECTED, INVITATION_REQUESTED,
      PASSWORD_RESET_REQUESTED, PASSWORD_CHANGED, EMAIL_CHANGE_REQUESTED, EMAIL_CHANGED);

  AccountEventMessage {
    if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
      throw new IllegalArgumentException("Unsupported schema version " + schemaVersion);
    }
    if (eventId == null || type == null || userId == null || occurredAt == null) {
      throw new IllegalArgumentException("event_id, type, occurred_at and user_id are required");
    }
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("Unknown event type " + type);
    }
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  static boolean isPublished(Object event) {
    return of(event).isPresent();
  }

  static Optional<AccountEventMessage> of(Object event) {
    if (event instanceof UserRegistered registered) {
      return Optional.of(message(REGISTERED, registered, Map.of()));
    }
    if (event instanceof EmailVerificationRequested requested) {
      return Optional.of(message(VERIFICATION_REQUESTED, requested, Map.of()));
    }
    if (event instanceof InvitationRequested invitation) {
      return Optional.of(message(INVITATION_REQUESTED, invitation, Map.of()));
    }
    if (event instanceof PasswordResetRequested reset) {
      return Optional.of(message(PASSWORD_RESET_REQUESTED, reset, Map.of()));
    }
    if (event instanceof PasswordChanged changed) {
      return Optional.of(message(PASSWORD_CHANGED, changed, Map.of("way",
          changed.way().name().toLowerCase(java.util.Locale.ROOT))));
    }
    if (event instanceof EmailChangeRequested requested) {
      return Optional.of(message(EMAIL_CHANGE_REQUESTED, requested, Map.of()));
    }
    if (event instanceof EmailChanged changed) {
      return Optional.of(message(EMAIL_CHANGED, changed, Map.of("old_email", changed.oldEmail(),
          "new_email", changed.newEmail())));
    }
    if (event instanceof UserLocked locked) {
      // One email per run of lockouts: someone guessing every hour must not flood the owner's mailbox.
      return locked.lockoutsInARow() > 1 ? Optional.empty() : Optional.of(message(LOCKED, locked, Map.of()));
    }
    if (event instanceof UserUnlocked unlocked) {
      return Optional.of(message(UNLOCKED, unlocked, Map.of()));
    }
    if (event instanceof RoleChanged changed) {
      var data = new HashMap<String, String>();
      data.put("old_role", changed.oldRole().name());
      data.put("new_role", changed.newRole().name());
      if (changed.changedBy() != null) {
        data.put("changed_by", changed.changedBy().value().toString());
      }
      if (changed.reason() != null) {
        data.put("reason", changed.reason());
      }
      return Optional.of(message(ROLE_CHANGED, changed, data));
    }
    if (event instanceof ProfessionalStatusChanged changed) {
      return Optional.of(message(PROFESSIONAL_STATUS_CHANGED, changed, Map.of(
          "is_professional", Boolean.toString(changed.professional()),
          "changed_by", changed.changedBy().value().toString())));
    }
    if (event instanceof ProfessionalStatusRequestRejected rejected) {
      return Optional.of(message(PROFESSIONAL_STATUS_REQUEST_REJECTED, rejected, Map.of(
          "reason", rejected.reason(), "rejected_by", rejected.rejectedBy().value().toString())));
    }
    return Optional.empty();
  }

  private static AccountEventMessage message(String type, AccountEvent event, Map<String, String> data) {
    return new AccountEventMessage(SCHEMA_VERSION, event.eventId(), type, event.occurredAt(),
        event.userId().value(), data);
  }

  /**
   * The email this event means, if any. A role change made by the system (the step from ANONYMOUS to
   * AUTHENTICATED when the address is verified) is no news to the user and sends none.
   */
  Optional<Notification> notification() {
    var user = new UserId(userId);
    return switch (type) {
      case REGISTERED, VERIFICATION_REQUESTED ->
          Optional.of(new Notification(NotificationKind.EMAIL_VERIFICATION, eventId, user, Map.of()));
      case INVITATION_REQUESTED -> Optional.of(new Notification(NotificationKind.INVITATION, eventId, user,
          Map.of()));
      case PASSWORD_RESET_REQUESTED -> Optional.of(new Notification(NotificationKind.PASSWORD_RESET, eventId, user,
          Map.of()));
      case PASSWORD_CHANGED -> Optional.of(new Notification(NotificationKind.PASSWORD_CHANGED, eventId, user,
          Map.of()));
      case EMAIL_CHANGE_REQUESTED -> Optional.of(new Notification(NotificationKind.EMAIL_CHANGE, eventId, user,
          Map.of()));
      case EMAIL_CHANGED -> Optional.of(new Notification(NotificationKind.EMAIL_CHANGED, eventId, user,
          Map.of("old_email", data.getOrDefault("old_email", ""), "new_email", data.getOrDefault("new_email", ""))));
      case LOCKED -> Optional.of(new Notification(NotificationKind.ACCOUNT_LOCKED, eventId, user,
          Map.of("occurred_at", occurredAt.toString())));
      case UNLOCKED -> Optional.of(new Notification(NotificationKind.ACCOUNT_UNLOCKED, eventId, user, Map.of()));
      case ROLE_CHANGED -> data.containsKey("changed_by")
          ? Optional.of(new Notification(NotificationKind.ROLE_CHANGED, eventId, user,
              Map.of("old_role", data.getOrDefault("old_role", ""), "new_role", data.getOrDefault("new_role", ""),
                  "reason", data.getOrDefault("reason", ""))))
          : Optional.empty();
      case PROFESSIONAL_STATUS_CHANGED -> Optional.of(new Notification(
          Boolean.parseBoolean(data.get("is_professional")) ? NotificationKind.PROFESSIONAL_STATUS_GRANTED
              : NotificationKind.PROFESSIONAL_STATUS_REVOKED, eventId, user, Map.of()));
      case PROFESSIONAL_STATUS_REQUEST_REJECTED -> Optional.of(new Notification(
          NotificationKind.PROFESSIONAL_STATUS_REJECTED, eventId, user,
          Map.of("reason", data.getOrDefault("reason", ""))));
      default -> Optional.empty();
    };
  }
}
