package org.ums.authentication;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every ten minutes, in the server: deletes sessions that expired or ended a day ago, and refresh tokens spent a day
 * ago, in batches. Instances that run it at the same moment skip each other's locked rows, so they share the work
 * rather than repeat it.
 */
@Component
@ConditionalOnProperty(name = "ums.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SessionPurge {

  private static final int BATCH = 5_000;

  private final Sessions sessions;

  SessionPurge(Sessions sessions) {
    this.sessions = sessions;
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
  void purge() {
    while (sessions.purge(BATCH) >= BATCH) {
      // A full batch: there may be more.
    }
  }
}
