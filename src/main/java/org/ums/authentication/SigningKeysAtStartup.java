package org.ums.authentication;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** Loads the signing keys when the server starts, after the migrations, so that a bad configured key stops it. */
@Component
@ConditionalOnWebApplication
class SigningKeysAtStartup implements ApplicationRunner {

  private final SigningKeys keys;

  SigningKeysAtStartup(SigningKeys keys) {
    this.keys = keys;
  }

  @Override
  public void run(ApplicationArguments args) {
    keys.signingKey();
  }
}
