package org.ums.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;

/**
 * Token buckets shared by every instance through the {@code rate_limit_buckets} table: a limit of N per minute
 * lets N calls through at once and then one every 60/N seconds. A bucket's row expires once it would be full
 * again, and {@link ExpiredBucketCleanup} deletes it.
 */
@Service
class RateLimits {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> table;
  private final ProxyManager<String> buckets;

  RateLimits(DataSource dataSource) {
    this.table = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
        .build();
    this.buckets = table;
  }

  /**
   * Takes one call from the bucket {@code key} allowing {@code perMinute} calls a minute; empty when the call may
   * go ahead, otherwise the whole seconds to wait.
   */
  OptionalLong take(String key, int perMinute) {
    if (perMinute <= 0) {
      return OptionalLong.empty();
    }
    var configuration = BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, WINDOW))
        .build();
    // A changed setting replaces the stored configuration of existing buckets, keeping their share of tokens.
    var probe = buckets.builder()
        .withImplicitConfigurationReplacement(perMinute, TokensInheritanceStrategy.PROPORTIONALLY)
        .build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    long nanos = probe.getNanosToWaitForRefill();
    return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }

  /** Deletes up to {@code batch} rows of buckets that are full again; returns how many. */
  int removeExpired(int batch) {
    return table.removeExpired(batch);
  }
}
