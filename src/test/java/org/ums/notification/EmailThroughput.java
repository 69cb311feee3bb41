package org.ums.notification;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.ums.UmsApplication;
import org.ums.account.UserId;
import org.ums.account.UserRegistered;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.SmtpSink;

/**
 * The email benchmark: commits N registrations in one transaction (a burst of sign-ups: the users and their
 * {@code UserRegistered} events), then times each verification email's acceptance by an SMTP server in this JVM
 * ({@link SmtpSink}) from that commit. Prints the throughput and the latency percentiles. Run by
 * {@code bench/emails.sh} with {@code embedded} or {@code kafka}; not part of the tests.
 */
public final class EmailThroughput {

  private EmailThroughput() {
  }

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "embedded";
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    var smtp = new SmtpSink();
    EmbeddedKafkaKraftBroker broker = null;
    List<String> settings = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.datasource.url=" + TestDatabases.fresh("ums_bench_emails_" + mode),
        "--spring.datasource.username=" + TestDatabases.user(),
        "--spring.datasource.password=" + TestDatabases.password(),
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtp.port(),
        "--ums.notification.public-url=http://bench.test",
        "--logging.level.root=WARN"));
    if (mode.equals("kafka")) {
      broker = new EmbeddedKafkaKraftBroker(1, 6);
      broker.afterPropertiesSet();
      settings.add("--ums.notification.kafka.bootstrap-servers=" + broker.getBrokersAsString());
    }
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UmsApplication.class)
        .run(settings.toArray(String[]::new))) {
      // A first burst of 3,000 warms the JIT and the connections up; the second is measured.
      burst(context, smtp, 3000, "warm-up");
      long[] latencies = burst(context, smtp, count, "measured");
      Arrays.sort(latencies);
      long last = latencies[latencies.length - 1];
      System.out.printf("== %s mode: %d verification emails in %.2f s from the commit = %.0f emails/s; "
              + "latency from commit p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", mode, count, last / 1e3,
          count / (last / 1e3), percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
          last);
    } finally {
      smtp.close();
      if (broker != null) {
        broker.destroy();
      }
    }
  }

  /** Returns each email's latency from the commit, in milliseconds, in order of arrival. */
  private static long[] burst(ConfigurableApplicationContext context, SmtpSink smtp, int count, String label) {
    var jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
    var transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    ApplicationEventPublisher events = context;
    Instant now = Instant.now();
    List<UUID> ids = new ArrayList<>(count);
    transactions.executeWithoutResult(status -> {
      for (int i = 0; i < count; i++) {
        UUID id = UUID.randomUUID();
        ids.add(id);
        jdbc.sql("""
                INSERT INTO users (id, email, nickname, hashed_password, role, created_at, updated_at)
                VALUES (:id, :email, :nickname, 'not-a-hash', 'ANONYMOUS', :now, :now)""")
            .param("id", id).param("email", label + "-" + id + "@bench.test").param("nickname", "n" + id)
            .param("now", Timestamp.from(now)).update();
      }
    });
    smtp.accepted().clear();
    transactions.executeWithoutResult(status ->
        ids.forEach(id -> events.publishEvent(new UserRegistered(new UserId(id), Instant.now()))));
    long committed = System.nanoTime();
    await(label).atMost(Duration.ofMinutes(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
        .until(() -> smtp.accepted().size() >= count);
    long[] latencies = smtp.accepted().stream().limit(count).mapToLong(at -> (at - committed) / 1_000_000)
        .toArray();
    return latencies;
  }

  private static long percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }
}
