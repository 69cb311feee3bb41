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
public class RateLimits {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration HOUR = Duration.ofHours(1);

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> table;
  private final ProxyManager<String> buckets;

  private final RateLimitProperties properties;

  RateLimits(DataSource dataSource, RateLimitProperties properties) {
    this.properties = properties;
    this.table = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
        .build();
    this.buckets = table;
  }

  /**
   * Counts one email about to be sent to {@code address} at someone's request (a reset or verification link), at
   * most {@code UMS_RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR} an hour, whoever asks and whether or not an account has
   * the address, so that nobody can flood a mailbox through the service.
   *
   * @throws RateLimitedException when the address has had its share
   */
  public void countEmailTo(String address) {
    if (address == null || address.isBlank()) {
      return;
    }
    take("email:" + digest(address.strip().toLowerCase(java.util.Locale.ROOT)), properties.emailsPerAddressPerHour(),
        HOUR).ifPresent(wait -> {
          throw new RateLimitedException(wait);
        });
  }

  /**
   * Takes one from {@code address}'s share of wrong passwords this hour
   * ({@code UMS_RATE_LIMIT_LOGIN_FAILURES_PER_IP_PER_HOUR}) before a login is checked, so that logins sent at the same
   * time cannot all pass a check made before any of them failed; {@link #giveBackLoginFailure} returns it when the
   * login did not fail with a wrong password. One address so cannot lock many accounts by guessing their passwords.
   *
   * @throws RateLimitedException when the address has failed too often
   */
  public void takeLoginFailure(String address) {
    int limit = properties.loginFailuresPerIpPerHour();
    if (limit <= 0) {
      return;
    }
    var probe = bucket(failuresKey(address), limit, HOUR).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new RateLimitedException(seconds(probe.getNanosToWaitForRefill()));
    }
  }

  /** Returns what {@link #takeLoginFailure} took, for a login that succeeded or failed otherwise than by a guess. */
  public void giveBackLoginFailure(String address) {
    int limit = properties.loginFailuresPerIpPerHour();
    if (limit > 0) {
      bucket(failuresKey(address), limit, HOUR).addTokens(1);
    }
  }

  private static String failuresKey(String address) {
    return "login-failures:" + address;
  }

  /**
   * Takes one call from the bucket {@code key} allowing {@code perMinute} calls a minute; empty when the call may
   * go ahead, otherwise the whole seconds to wait.
   */
  OptionalLong take(String key, int perMinute) {
    return take(key, perMinute, MINUTE);
  }

  private OptionalLong take(String key, int limit, Duration window) {
    if (limit <= 0) {
      return OptionalLong.empty();
    }
    var probe = bucket(key, limit, window).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
  }

  private io.github.bucket4j.distributed.BucketProxy bucket(String key, int limit, Duration window) {
    var configuration = BucketConfiguration.builder()
        .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, window))
        .build();
    // A changed setting replaces the stored configuration of existing buckets, keeping their share of tokens.
    return buckets.builder()
        .withImplicitConfigurationReplacement(limit, TokensInheritanceStrategy.PROPORTIONALLY)
        .build(key, () -> configuration);
  }

  private static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  /** A digest of a username or address, so that the table holds no email. */
  static String digest(String value) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Java has no SHA-256", e);
    }
  }

  /** Deletes up to {@code batch} rows of buckets that are full again; returns how many. */
  int removeExpired(int batch) {
    return table.removeExpired(batch);
  }
}
