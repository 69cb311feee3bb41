package org.ums.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long audit entries are kept.
 *
 * @param retention entries older than this are deleted by the retention job
 */
@ConfigurationProperties("ums.audit")
public record AuditProperties(@DefaultValue("730d") Duration retention) {

  public AuditProperties {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("ums.audit.retention must be positive");
    }
  }
}
