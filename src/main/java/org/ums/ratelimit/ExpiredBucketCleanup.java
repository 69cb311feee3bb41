package org.ums.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes the rows of buckets that are full again, every minute, in the server (not in a console run). */
@Component
@ConditionalOnProperty(name = "ums.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ExpiredBucketCleanup {

  private static final int BATCH = 1000;

  private final RateLimits limits;

  ExpiredBucketCleanup(RateLimits limits) {
    this.limits = limits;
  }

  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  void purge() {
    while (limits.removeExpired(BATCH) == BATCH) {
      // A full batch: there may be more.
    }
  }
}
