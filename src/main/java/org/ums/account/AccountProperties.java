package org.ums.account;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Account rules an operator may tune.
 *
 * @param maxLoginAttempts consecutive failed logins that lock an account
 * @param lockoutDuration how long a lock lasts; null keeps it until an administrator unlocks it
 * @param verificationTokenLifetime how long a verification link works
 * @param firstUserIsAdmin whether the very first registration becomes an ADMIN (off by default)
 * @param bootstrapAdminEmail email of a verified ADMIN to create at start-up when it has no account yet
 * @param bootstrapAdminPassword that administrator's password
 * @param passwordResetLifetime how long a link to reset a forgotten password works
 * @param invitationLifetime how long the link of an invitation to choose a password works
 */
@Validated
@ConfigurationProperties("ums.account")
public record AccountProperties(
    @Min(1) int maxLoginAttempts,
    Duration lockoutDuration,
    Duration verificationTokenLifetime,
    boolean firstUserIsAdmin,
    String bootstrapAdminEmail,
    String bootstrapAdminPassword,
    Duration passwordResetLifetime,
    Duration invitationLifetime) {

  public AccountProperties {
    if (lockoutDuration != null && (lockoutDuration.isZero() || lockoutDuration.isNegative())) {
      lockoutDuration = null;
    }
    verificationTokenLifetime = verificationTokenLifetime == null ? Duration.ofHours(24) : verificationTokenLifetime;
    passwordResetLifetime = passwordResetLifetime == null ? Duration.ofMinutes(30) : passwordResetLifetime;
    invitationLifetime = invitationLifetime == null ? Duration.ofDays(7) : invitationLifetime;
  }

  boolean hasBootstrapAdmin() {
    return bootstrapAdminEmail != null && !bootstrapAdminEmail.isBlank();
  }
}
