package org.ums.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes audit entries older than {@code ums.audit.retention}, hourly, in the server (not in a console run). */
@Component
@ConditionalOnProperty(name = "ums.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class AuditRetention {

  private final AuditLog log;

  AuditRetention(AuditLog log) {
    this.log = log;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void purge() {
    log.purgeExpired();
  }
}
