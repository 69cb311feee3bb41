package org.ums.ratelimit;

/** A call over its limit; the caller may try again after {@code retryAfterSeconds}. */
public class RateLimitedException extends RuntimeException {

  private final long retryAfterSeconds;

  RateLimitedException(long retryAfterSeconds) {
    super("rate limited", null, false, false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
