package org.ums.embeddeddatabase;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Points {@code spring.datasource.*} at an embedded PostgreSQL when {@code ums.embedded-database.enabled} is
 * set and no {@code spring.datasource.url} is configured. Runs before any bean exists, so Boot's ordinary
 * DataSource, Flyway and JPA set-up apply unchanged to either database.
 */
class EmbeddedDatabaseLocator implements EnvironmentPostProcessor, Ordered {

  static final String EMBEDDED_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
      return;
    }
    boolean enabled = environment.getProperty("ums.embedded-database.enabled", Boolean.class, false);
    if (!enabled) {
      throw new MissingDatabaseSettingsException(false);
    }
    if (!isEmbeddedServerAvailable()) {
      throw new MissingDatabaseSettingsException(true);
    }
    var settings = new EmbeddedDatabaseSettings(
        environment.getProperty("ums.embedded-database.data-directory", ""),
        environment.getProperty("ums.embedded-database.port", Integer.class, 0));
    String jdbcUrl = EmbeddedPostgresServer.start(settings);
    environment.getPropertySources().addFirst(new MapPropertySource("umsEmbeddedDatabase", Map.of(
        "spring.datasource.url", jdbcUrl,
        "spring.datasource.username", EmbeddedPostgresServer.USER,
        "spring.datasource.password", EmbeddedPostgresServer.USER)));
  }

  private static boolean isEmbeddedServerAvailable() {
    try {
      Class.forName(EMBEDDED_CLASS, false, EmbeddedDatabaseLocator.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
