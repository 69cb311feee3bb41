package org.ums.embeddeddatabase;

/**
 * Where the embedded PostgreSQL keeps its files (blank: a fresh temporary folder) and its port (0: any free one).
 */
record EmbeddedDatabaseSettings(String dataDirectory, int port) {

  boolean persistent() {
    return !dataDirectory.isBlank();
  }
}
