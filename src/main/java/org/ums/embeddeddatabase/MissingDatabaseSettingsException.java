package org.ums.embeddeddatabase;

/** Start-up found no database to use. */
class MissingDatabaseSettingsException extends RuntimeException {

  private final boolean embeddedRequestedButAbsent;

  MissingDatabaseSettingsException(boolean embeddedRequestedButAbsent) {
    super("No database is configured");
    this.embeddedRequestedButAbsent = embeddedRequestedButAbsent;
  }

  boolean embeddedRequestedButAbsent() {
    return embeddedRequestedButAbsent;
  }
}
