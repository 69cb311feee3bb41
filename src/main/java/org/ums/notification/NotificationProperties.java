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
 */
@ConfigurationProperties("ums.notification")
record NotificationProperties(URI publicUrl, String from, Retry retry, Kafka kafka, Duration logRetention) {

  NotificationProperties {
    publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
    from = from == null || from.isBlank() ? "UMS <no-reply@localhost>" : from;
    retry = retry == null ? new Retry(0, null, 0, null, null) : retry;
    kafka = kafka == null ? new Kafka(null, 0, (short) 0, 0) : kafka;
    logRetention = logRetention == null || logRetention.isNegative() || logRetention.isZero()
        ? Duration.ofDays(180) : logRetention;
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
  record Retry(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, Duration checkInterval) {

    Retry {
      maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
      initialDelay = initialDelay == null || initialDelay.isNegative() ? Duration.ofSeconds(5) : initialDelay;
      multiplier = multiplier < 1 ? 2 : multiplier;
      maxDelay = maxDelay == null || maxDelay.compareTo(initialDelay) < 0 ? Duration.ofMinutes(10) : maxDelay;
      checkInterval = checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()
          ? Duration.ofSeconds(5) : checkInterval;
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
  record Kafka(String bootstrapServers, int partitions, short replicationFactor, int concurrency) {

    Kafka {
      partitions = partitions <= 0 ? 6 : partitions;
      replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
      concurrency = concurrency <= 0 ? 3 : concurrency;
    }

    boolean enabled() {
      return StringUtils.hasText(bootstrapServers);
    }
  }
}
