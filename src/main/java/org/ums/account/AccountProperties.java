package org.ums.account;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Account rules an operator may tune.
 *
 * @param maxLoginAttempts consecutive failed logins (or wrong current passwords) that lock an account for a while
 * @param lockoutDurations how long the lockouts in a row last: 1, 5, 15 and 60 minutes by default, the last
 *     repeating; only an administrator locks an account until it is unlocked
 * @param verificationTokenLifetime how long a verification link works
 * @param firstUserIsAdmin whether the very first registration becomes an ADMIN (off by default)
 * @param bootstrapAdminEmail email of a verified ADMIN to create at start-up when it has no account yet
 * @param bootstrapAdminPassword that administrator's password
 * @param passwordResetLifetime how long a link to reset a forgotten password works
 * @param invitationLifetime how long the link of an invitation to choose a password works
 * @param passwordHashingQueue how many password checks may wait for a hashing thread; past it a request is answered
 *     503 with Retry-After at once instead of holding a request thread (16 per core by default)
 */
@Validated
@ConfigurationProperties("ums.account")
public record AccountProperties(
    @Min(1) int maxLoginAttempts,
    java.util.List<Duration> lockoutDurations,
    Duration verificationTokenLifetime,
    boolean firstUserIsAdmin,
    String bootstrapAdminEmail,
    String bootstrapAdminPassword,
    Duration passwordResetLifetime,
    Duration invitationLifetime,
    Integer passwordHashingQueue) {

  public AccountProperties {
    lockoutDurations = lockoutDurations == null ? null
        : lockoutDurations.stream().filter(java.util.Objects::nonNull).toList();
    new LockoutPolicy(maxLoginAttempts, lockoutDurations);
    passwordHashingQueue = passwordHashingQueue == null || passwordHashingQueue < 1
        ? 16 * Runtime.getRuntime().availableProcessors() : passwordHashingQueue;
    verificationTokenLifetime = verificationTokenLifetime == null ? Duration.ofHours(24) : verificationTokenLifetime;
    passwordResetLifetime = passwordResetLifetime == null ? Duration.ofMinutes(30) : passwordResetLifetime;
    invitationLifetime = invitationLifetime == null ? Duration.ofDays(7) : invitationLifetime;
  }

  LockoutPolicy lockoutPolicy() {
    return new LockoutPolicy(maxLoginAttempts, lockoutDurations);
  }

  boolean hasBootstrapAdmin() {
    return bootstrapAdminEmail != null && !bootstrapAdminEmail.isBlank();
  }
}
