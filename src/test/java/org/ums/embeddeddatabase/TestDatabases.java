package org.ums.embeddeddatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fresh, empty databases on the test server, for tests whose rules depend on the whole table (such as "the
 * last administrator"). The server is the one named by SPRING_DATASOURCE_URL, or the shared embedded one.
 */
public final class TestDatabases {

  private TestDatabases() {
  }

  /** Creates (or re-creates) database {@code name} and returns its JDBC URL. */
  public static String fresh(String name) {
    String serverUrl = serverUrl();
    try (Connection connection = DriverManager.getConnection(serverUrl, user(), password());
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return serverUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
  }

  /** The JDBC URL of database {@code name}, created when it does not exist yet and kept otherwise. */
  public static String existing(String name) {
    String serverUrl = serverUrl();
    try (Connection connection = DriverManager.getConnection(serverUrl, user(), password());
        Statement statement = connection.createStatement()) {
      var exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
      if (!exists.next()) {
        statement.execute("create database " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return serverUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
  }

  /** Points the context under test at a fresh database {@code name}: call it from a DynamicPropertySource. */
  public static void use(String name, org.springframework.test.context.DynamicPropertyRegistry registry) {
    String url = fresh(name);
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", TestDatabases::user);
    registry.add("spring.datasource.password", TestDatabases::password);
  }

  public static String user() {
    String user = System.getenv("SPRING_DATASOURCE_USERNAME");
    return user != null ? user : EmbeddedPostgresServer.USER;
  }

  public static String password() {
    String password = System.getenv("SPRING_DATASOURCE_PASSWORD");
    return password != null ? password : EmbeddedPostgresServer.USER;
  }

  private static String serverUrl() {
    String configured = System.getenv("SPRING_DATASOURCE_URL");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return EmbeddedPostgresServer.start(new EmbeddedDatabaseSettings("", 0));
  }
}
