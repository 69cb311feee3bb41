package org.ums.notification;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Email settings.
 *
 * @param publicUrl where users reach the service; the base of every link in an email
 * @param from the sender of every email
 * @param retry how often and how patiently a failed email is tried again
 * @param kafka the Kafka mode, on when bootstrap servers are set
 * @param logRetention how long settled deliveries stay in the delivery log
 * @param mailLogOnly with no mail host, whether to run anyway and only log that each email would be sent (its
 *     recipient, kind and subject; never its text, whose links carry tokens); the {@code dev} profile logs whole
 *     emails instead
 */
@ConfigurationProperties("ums.notification")
record NotificationProperties(URI publicUrl, String from, Retry retry, Kafka kafka, Duration logRetention,
    boolean mailLogOnly) {

  NotificationProperties {
    publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
    from = from == null || from.isBlank() ? "UMS <no-reply@localhost>" : from;
    retry = retry == null ? new Retry(null, null, null, null, null) : retry;
    kafka = kafka == null ? new Kafka(null, null, null, null) : kafka;
    logRetention = logRetention == null ? Duration.ofDays(180) : logRetention;
    require(!logRetention.isNegative() && !logRetention.isZero(), "log-retention must be positive");
  }

  private static void require(boolean valid, String rule) {
    if (!valid) {
      throw new IllegalArgumentException("ums.notification." + rule);
    }
  }

  String link(String path) {
    String base = publicUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }

  /**
   * Exponential backoff for emails the SMTP server did not take: the n-th retry waits
   * {@code initialDelay * multiplier^(n-1)}, at most {@code maxDelay}; after {@code maxAttempts} attempts the
   * email is marked failed.
   *
   * @param checkInterval how often failed event deliveries are looked at for one whose wait is over
   */
  record Retry(Integer maxAttempts, Duration initialDelay, Double multiplier, Duration maxDelay,
      Duration checkInterval) {

    Retry {
      maxAttempts = maxAttempts == null ? 8 : maxAttempts;
      initialDelay = initialDelay == null ? Duration.ofSeconds(5) : initialDelay;
      multiplier = multiplier == null ? 2 : multiplier;
      maxDelay = maxDelay == null ? Duration.ofMinutes(10) : maxDelay;
      checkInterval = checkInterval == null ? Duration.ofSeconds(5) : checkInterval;
      require(maxAttempts >= 1, "retry.max-attempts must be at least 1");
      require(!initialDelay.isNegative() && !initialDelay.isZero(), "retry.initial-delay must be positive");
      require(multiplier >= 1, "retry.multiplier must be at least 1");
      require(maxDelay.compareTo(initialDelay) >= 0, "retry.max-delay must be at least retry.initial-delay");
      require(!checkInterval.isNegative() && !checkInterval.isZero(), "retry.check-interval must be positive");
    }

    /** How long to wait after the given number of failed attempts. */
    Duration delayAfter(int failedAttempts) {
      double factor = Math.pow(multiplier, Math.max(0, failedAttempts - 1));
      double millis = Math.min(initialDelay.toMillis() * factor, maxDelay.toMillis());
      return Duration.ofMillis((long) millis);
    }
  }

  /**
   * @param bootstrapServers the brokers; when empty, events stay in process (the embedded default)
   * @param partitions the partitions of each topic this service creates, its consumers' parallelism
   * @param replicationFactor the replicas of each topic this service creates
   * @param concurrency the consumer threads of each instance
   */
  record Kafka(String bootstrapServers, Integer partitions, Short replicationFactor, Integer concurrency) {

    Kafka {
      partitions = partitions == null ? 6 : partitions;
      replicationFactor = replicationFactor == null ? 1 : replicationFactor;
      concurrency = concurrency == null ? 3 : concurrency;
      require(partitions >= 1, "kafka.partitions must be at least 1");
      require(replicationFactor >= 1, "kafka.replication-factor must be at least 1");
      require(concurrency >= 1, "kafka.concurrency must be at least 1");
    }

    boolean enabled() {
      return StringUtils.hasText(bootstrapServers);
    }
  }
}
