package org.ums;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The user management service: one deployable made of capability modules (see the README's module map). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class UmsApplication {

  public static void main(String[] args) {
    SpringApplication.run(UmsApplication.class, args);
  }

  /** The one source of the current time, so that tests can move it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
