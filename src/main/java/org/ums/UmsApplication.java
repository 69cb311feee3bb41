package org.ums;

import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.ums.admincli.AdminConsole;

/** The user management service: one deployable made of capability modules (see the README's module map). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class UmsApplication {

  /** Starts the server, or with {@code admin} as the first argument runs one command of the admin console. */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(AdminConsole.ARGUMENT)) {
      System.exit(AdminConsole.run(UmsApplication.class, Arrays.copyOfRange(args, 1, args.length)));
    }
    SpringApplication.run(UmsApplication.class, args);
  }

  /** The conversions that bind every setting: a duration needs its unit ({@link DurationsWithUnits}). */
  @Bean(name = org.springframework.context.ConfigurableApplicationContext.CONVERSION_SERVICE_BEAN_NAME)
  static org.springframework.core.convert.ConversionService conversionService() {
    return DurationsWithUnits.conversionService();
  }

  /** The one source of the current time, so that tests can move it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
