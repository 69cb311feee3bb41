package org.ums.notification;

/** Start-up found no mail host, and nobody said that emails may go unsent. */
class MissingMailSettingsException extends RuntimeException {

  MissingMailSettingsException() {
    super("No mail host is configured");
  }
}
