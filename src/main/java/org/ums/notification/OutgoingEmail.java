package org.ums.notification;

import java.util.Objects;

/** A composed email: one recipient, a subject, and the same message as HTML and as plain text. */
record OutgoingEmail(String to, String subject, String html, String text) {

  OutgoingEmail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(text, "text");
  }
}
