package org.ums.account;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ums.UmsApplication;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The directory benchmark (issue 5): for each size, a database of its own is loaded with generated users (once;
 * it is kept for the next run), the service starts on it, and one client times {@code GET /users/} for terms of
 * 1, 2, 3 and 6 characters, a role and date filter, and a walk of 50 pages deep by cursor, printing p50, p95 and
 * p99 of each. Run by {@code bench/directory.sh}; not a test.
 */
public final class DirectoryLatency {

  private static final String ADMIN = "admin@bench.test";
  private static final String PASSWORD = "bench-password-1";
  private static final int REQUESTS = 200;

  private DirectoryLatency() {
  }

  public static void main(String[] args) throws Exception {
    for (String size : args) {
      measure(Long.parseLong(size));
    }
    System.exit(0);
  }

  private static void measure(long size) throws SQLException {
    String database = "ums_bench_directory_" + size;
    String url = TestDatabases.existing(database);
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UmsApplication.class).run(
        "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabases.user(),
        "--spring.datasource.password=" + TestDatabases.password(), "--logging.level.root=WARN",
        "--ums.account.bootstrap-admin-email=" + ADMIN, "--ums.account.bootstrap-admin-password=" + PASSWORD,
        "--ums.notification.mail-log-only=true")) {
      var jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
      long present = jdbc.sql("select count(*) from users").query(Long.class).single();
      if (present < size) {
        UserGenerator.load(url, TestDatabases.user(), TestDatabases.password(), size - present + 1, present + 1);
      }
      var api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
      String token = api.login(ADMIN, PASSWORD);
      System.out.printf("== %,d users%n", jdbc.sql("select count(*) from users").query(Long.class).single());
      for (String[] query : new String[][] {{"q, 1 character (e)", "q=e"}, {"q, 1 character, rare (y)", "q=y"},
          {"q, 2 characters (zh)", "q=zh"}, {"q, 2 characters, none (qx)", "q=qx"}, {"q, 3 characters (dvo)", "q=dvo"},
          {"q, 6 characters (lovela)", "q=lovela"}, {"q, 6 characters, accented (müller)", "q=m%C3%BCller"},
          {"role and sign-up year", "role=MANAGER&created_from=2023-01-01&created_to=2024-01-01"},
          {"last login, descending, and verified", "sort=-last_login_at&email_verified=true"}}) {
        report(query[0], time(api, token, "/users/?" + query[1] + "&limit=20"));
      }
      report("50 pages deep by cursor (sort=email)", walk(api, token));
      export(api, token);
    }
  }

  /** Times a full CSV export, read by the client as it arrives, and the heap the JVM needed meanwhile. */
  private static void export(Api api, String token) {
    System.gc();
    var pools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP).toList();
    long before = pools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
    long began = System.nanoTime();
    long lines = 0;
    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(api.http().send(
        api.request("/users/export.csv", token).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofInputStream()).body(), java.nio.charset.StandardCharsets.UTF_8))) {
      while (in.readLine() != null) {
        lines++;
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    long peak = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    System.out.printf("== export of %,d rows: %.1f s; heap before %d MB, peak %d MB (max %d MB)%n", lines - 1,
        seconds, before >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }

  private static long[] time(Api api, String token, String path) {
    for (int i = 0; i < 20; i++) {
      api.get(path, token);
    }
    long[] latencies = new long[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      long began = System.nanoTime();
      var response = api.get(path, token);
      latencies[i] = System.nanoTime() - began;
      if (response.status() != 200) {
        throw new IllegalStateException(path + " answered " + response.status() + " " + response.body());
      }
    }
    return latencies;
  }

  /** Times each page of a walk from the start of the list, 50 pages of 20 deep, a few times over. */
  private static long[] walk(Api api, String token) {
    List<Long> latencies = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      String next = "/users/?sort=email&limit=20&skip=10000";
      for (int page = 0; page < 50 && next != null; page++) {
        long began = System.nanoTime();
        JsonNode body = api.get(next, token).json();
        latencies.add(System.nanoTime() - began);
        next = null;
        for (JsonNode link : body.get("links")) {
          if (link.get("rel").asString().equals("next")) {
            next = link.get("href").asString();
          }
        }
      }
    }
    return latencies.stream().mapToLong(Long::longValue).toArray();
  }

  private static void report(String what, long[] latencies) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    System.out.printf("== %-40s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%d requests)%n", what,
        at(sorted, 50) / 1e6, at(sorted, 95) / 1e6, at(sorted, 99) / 1e6, sorted.length);
  }

  private static long at(long[] sorted, int percent) {
    return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
  }
}
