package org.ums.authentication;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * In the server: reads the keys again every minute, so that a key another instance or the console added signs
 * here too; and rotates the stored key once it is {@code UMS_SIGNING_KEY_ROTATION} old (one instance does, under
 * the keys' lock).
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "ums.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SigningKeySchedule {

  private static final Logger LOG = LoggerFactory.getLogger(SigningKeySchedule.class);

  private final SigningKeys keys;
  private final AuthenticationProperties properties;
  private final Clock clock;

  SigningKeySchedule(SigningKeys keys, AuthenticationProperties properties, Clock clock) {
    this.keys = keys;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  void refresh() {
    if (keys.isConfigured()) {
      return;
    }
    var rotation = properties.signingKeyRotation();
    if (!rotation.isZero() && keys.newestKeyCreatedAt()
        .filter(created -> !created.plus(rotation).isAfter(clock.instant())).isPresent()) {
      var rotated = keys.rotateIfOlderThan(rotation);
      rotated.ifPresent(done -> LOG.info("Signing key rotated: {} ({}) signs from now on", done.kid(),
          done.algorithm()));
    }
    keys.reload();
  }
}
