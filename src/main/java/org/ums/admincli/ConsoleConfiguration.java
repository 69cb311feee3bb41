package org.ums.admincli;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the modules start for a console command rather than for the server. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

  /** {@code db info} and {@code reset-database} look at the database before anything migrates it. */
  @Bean
  @ConditionalOnProperty(name = "ums.console.migrate", havingValue = "false")
  FlywayMigrationStrategy leaveTheDatabaseAsItIs() {
    return flyway -> {
    };
  }
}
