package org.ums.account;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordHashing {

  /**
   * Argon2id with OWASP's first recommended setting (19 MiB, 2 iterations, 1 lane). Hashes without an
   * {@code {id}} prefix are the original FastAPI project's bcrypt ({@code $2b$}); they still match and are
   * re-hashed with Argon2id at the next successful login.
   */
  @Bean
  PasswordEncoder passwordEncoder(AccountProperties properties) {
    return new DedicatedThreadsPasswordEncoder(hashing(), Runtime.getRuntime().availableProcessors(),
        properties.passwordHashingQueue());
  }

  /** The encoder itself, also measured alone by the benchmark. */
  static PasswordEncoder hashing() {
    String current = "argon2";
    var encoders = Map.<String, PasswordEncoder>of(
        current, new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2),
        "bcrypt", new BCryptPasswordEncoder());
    var delegating = new DelegatingPasswordEncoder(current, encoders);
    delegating.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
    return delegating;
  }
}
