package org.ums.embeddeddatabase;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.boot.SpringApplication;

/**
 * One embedded PostgreSQL per settings and JVM, shared by every application context (tests start several) and
 * closed explicitly once every context has closed.
 */
final class EmbeddedPostgresServer {

  static final String USER = "postgres";

  private static final ConcurrentMap<EmbeddedDatabaseSettings, String> RUNNING = new ConcurrentHashMap<>();

  private EmbeddedPostgresServer() {
  }

  static String start(EmbeddedDatabaseSettings settings) {
    return RUNNING.computeIfAbsent(settings, EmbeddedPostgresServer::launch);
  }

  private static String launch(EmbeddedDatabaseSettings settings) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (settings.persistent()) {
        Path directory = Path.of(settings.dataDirectory()).toAbsolutePath();
        Files.createDirectories(directory);
        builder.setDataDirectory(directory).setCleanDataDirectory(false);
      }
      if (settings.port() > 0) {
        builder.setPort(settings.port());
      }
      builder.setServerConfig("max_connections", "200").setRegisterShutdownHook(false);
      EmbeddedPostgres server = builder.start();
      // Boot runs its shutdown handlers after every application context has closed; a plain JVM hook would
      // stop the database while contexts still use it, and their shutdown would wait 30 s for a connection.
      SpringApplication.getShutdownHandlers().add(() -> close(server));
      return server.getJdbcUrl(USER, "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
    }
  }

  private static void close(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      // The JVM is exiting; nothing is left to tell.
    }
  }
}
