package org.ums.account;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The benchmark's yardstick: how many password checks per second the service's own encoder does with the
 * given number of threads, with nothing else around it. Run by {@code bench/run.sh}, not by the tests.
 */
public final class PasswordHashRate {

  private PasswordHashRate() {
  }

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
    PasswordEncoder encoder = PasswordHashing.hashing();
    String hash = encoder.encode("bench-password-123");
    // Warm up the JIT before counting.
    for (int i = 0; i < 20; i++) {
      encoder.matches("bench-password-123", hash);
    }
    LongAdder checks = new LongAdder();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    Future<?>[] workers = new Future<?>[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = pool.submit(() -> {
        while (System.nanoTime() < deadline) {
          if (!encoder.matches("bench-password-123", hash)) {
            throw new IllegalStateException("hash mismatch");
          }
          checks.increment();
        }
      });
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    System.out.printf("hash checks: %d in %.1f s with %d threads = %.1f per second%n", checks.sum(), seconds,
        threads, checks.sum() / seconds);
  }
}
