package org.ums.account;

import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the verified ADMIN named by {@code UMS_BOOTSTRAP_ADMIN_EMAIL} at start-up when that email has no
 * account yet. Instances starting together serialise on a database lock, so exactly one creates it.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

  private final AccountProperties properties;
  private final AccountStore store;
  private final AccountValidation validation;
  private final PasswordPolicy passwordPolicy;
  private final PasswordEncoder passwordEncoder;
  private final UserRepository users;
  private final TransactionTemplate transaction;

  AdministratorBootstrap(AccountProperties properties, AccountStore store, AccountValidation validation,
      PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, UserRepository users,
      TransactionTemplate transaction) {
    this.properties = properties;
    this.store = store;
    this.validation = validation;
    this.passwordPolicy = passwordPolicy;
    this.passwordEncoder = passwordEncoder;
    this.users = users;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.hasBootstrapAdmin()) {
      return;
    }
    var violations = new ArrayList<FieldViolation>();
    validation.checkEmail(properties.bootstrapAdminEmail(), violations);
    passwordPolicy.check("password", properties.bootstrapAdminPassword()).ifPresent(violations::add);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("UMS_BOOTSTRAP_ADMIN_EMAIL/UMS_BOOTSTRAP_ADMIN_PASSWORD break the rules: "
          + violations.stream().map(v -> v.field() + " " + v.code()).toList()
          + " (the password needs 8 to 128 characters and must not be a common password)");
    }
    String email = AccountValidation.normalizeEmail(properties.bootstrapAdminEmail());
    transaction.executeWithoutResult(status -> {
      store.lockAdministrators();
      if (users.existsByEmail(email)) {
        return;
      }
      String hash = passwordEncoder.encode(properties.bootstrapAdminPassword());
      store.save(User.bootstrapAdministrator(email, store.nicknameFor(null), hash, store.clock().instant()));
      log.info("Created the administrator {} from UMS_BOOTSTRAP_ADMIN_EMAIL", email);
    });
  }
}
