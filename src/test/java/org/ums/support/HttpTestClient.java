package org.ums.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** Gives every {@link HttpTest} an {@link Api} pointed at the service's random port. */
@TestConfiguration(proxyBeanMethods = false)
public class HttpTestClient {

  /** Lazy: the port is known only once the web server has started, after the singletons are made. */
  @Bean
  @Lazy
  Api api(Environment environment) {
    return new Api(environment.getRequiredProperty("local.server.port", Integer.class));
  }
}
