package org.ums.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Why an email was not sent, and whether trying again can help. The SMTP server's 5xx replies (RFC 5321: "do
 * not repeat the exact request") and addresses or messages that cannot be built are permanent; everything
 * else (no connection, a 4xx reply, a timeout) is worth retrying.
 */
record MailFailure(boolean permanent, String reason) {

  static MailFailure of(Throwable failure) {
    List<Throwable> causes = causes(failure);
    for (Throwable cause : causes) {
      Integer code = smtpCode(cause);
      if (code != null && code >= 500 && code < 600) {
        return new MailFailure(true, "SMTP " + code + ": " + oneLine(cause.getMessage()));
      }
      if (cause instanceof AddressException || cause instanceof MailParseException
          || cause instanceof MailPreparationException) {
        return new MailFailure(true, "Not a deliverable address or message: " + oneLine(cause.getMessage()));
      }
    }
    Throwable deepest = causes.get(causes.size() - 1);
    return new MailFailure(false, deepest.getClass().getSimpleName() + ": " + oneLine(deepest.getMessage()));
  }

  private static Integer smtpCode(Throwable cause) {
    if (cause instanceof SMTPAddressFailedException address) {
      return address.getReturnCode();
    }
    if (cause instanceof SMTPSenderFailedException sender) {
      return sender.getReturnCode();
    }
    if (cause instanceof SMTPSendFailedException send) {
      return send.getReturnCode();
    }
    return null;
  }

  /** The failure, its causes, the failures Spring collected per message and the exceptions chained to them. */
  private static List<Throwable> causes(Throwable failure) {
    var all = new ArrayList<Throwable>();
    var seen = new HashSet<Throwable>();
    collect(failure, all, seen);
    return all;
  }

  private static void collect(Throwable failure, List<Throwable> all, Set<Throwable> seen) {
    for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
      all.add(current);
      if (current instanceof MailSendException send) {
        send.getFailedMessages().values().forEach(nested -> collect(nested, all, seen));
      }
      if (current instanceof MessagingException messaging && messaging.getNextException() != null) {
        collect(messaging.getNextException(), all, seen);
      }
    }
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s+", " ").strip();
  }
}
