package org.ums.account;

import java.time.Duration;
import java.util.List;

/**
 * How failed logins lock an account: after {@code maxAttempts} wrong passwords in a row it is locked for the first
 * of {@code durations}, and each further lockout without a successful login in between lasts the next one (the last
 * repeats). Such a lockout ends by itself; only an administrator locks an account until it is unlocked.
 */
record LockoutPolicy(int maxAttempts, List<Duration> durations) {

  static final List<Duration> DEFAULT_DURATIONS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofHours(1));

  LockoutPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("UMS_MAX_LOGIN_ATTEMPTS must be at least 1");
    }
    durations = durations == null || durations.isEmpty() ? DEFAULT_DURATIONS : List.copyOf(durations);
    if (durations.stream().anyMatch(duration -> duration.isZero() || duration.isNegative())) {
      throw new IllegalArgumentException("UMS_LOCKOUT_DURATIONS must all be positive, not " + durations);
    }
  }

  /** How long the lockout lasts that follows {@code earlierLockouts} in a row. */
  Duration durationAfter(int earlierLockouts) {
    return durations.get(Math.min(Math.max(0, earlierLockouts), durations.size() - 1));
  }
}
