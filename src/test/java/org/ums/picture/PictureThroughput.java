package org.ums.picture;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ums.UmsApplication;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.Api;
import org.ums.support.S3Server;
import org.ums.support.TestPictures;

/**
 * The picture benchmark: uploads of 12-megapixel photos by several users at once through HTTP into S3 (S3Proxy
 * in this JVM), refusals of decompression bombs, and reads of stored pictures. Prints throughput and latency
 * percentiles. Run by {@code bench/pictures.sh} (which also sets the heap); not part of the tests.
 */
public final class PictureThroughput {

  private static final String ADMIN_EMAIL = "admin@bench.test";
  private static final String PASSWORD = "bench-password-1";

  private PictureThroughput() {
  }

  public static void main(String[] args) throws Exception {
    int uploads = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int reads = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
    List<String> settings = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.datasource.url=" + TestDatabases.fresh("ums_bench_pictures"),
        "--spring.datasource.username=" + TestDatabases.user(),
        "--spring.datasource.password=" + TestDatabases.password(),
        "--ums.storage.s3.endpoint=" + S3Server.endpoint(),
        "--ums.storage.s3.bucket=" + S3Server.BUCKET,
        "--ums.storage.s3.access-key=" + S3Server.ACCESS_KEY,
        "--ums.storage.s3.secret-key=" + S3Server.SECRET_KEY,
        "--ums.account.bootstrap-admin-email=" + ADMIN_EMAIL,
        "--ums.account.bootstrap-admin-password=" + PASSWORD,
        "--ums.notification.mail-log-only=true",
        "--logging.level.root=WARN"));
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UmsApplication.class)
        .run(settings.toArray(String[]::new))) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      var api = new Api(port);
      List<String> tokens = users(api, JdbcClient.create(context.getBean(javax.sql.DataSource.class)), clients);
      byte[] photo = photo(4000, 3000);
      System.out.printf("== machine: %d cores, max heap %d MB; photo 4000x3000 JPEG of %d KB%n",
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, photo.length >> 10);

      run(api, tokens, photo, 20, "warm-up");
      long[] latencies = run(api, tokens, photo, uploads, "upload");
      report("uploads of a 12 MP photo", latencies, clients);

      byte[] bomb = TestPictures.decompressionBomb(20_000);
      run(api, tokens, bomb, 20, "warm-up");
      report("refusals of a 20000x20000 PNG bomb (" + (bomb.length >> 10) + " KB)",
          run(api, tokens, bomb, uploads, "bomb"), clients);

      String url = api.putFile("/users/me/picture", "file", "p.jpg", "image/jpeg", photo, tokens.get(0)).json()
          .get("profile_picture_url").asString();
      read(api, url, 2000, clients);
      report("reads of a stored 512x512 picture", read(api, url, reads, clients), clients);
    }
    // S3Proxy's server threads would keep the JVM alive.
    System.exit(0);
  }

  /** Users who may upload, verified by the database directly (their email is not the point here). */
  private static List<String> users(Api api, JdbcClient jdbc, int count) {
    String admin = api.login(ADMIN_EMAIL, PASSWORD);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String email = "uploader-" + i + "@bench.test";
      api.postJson("/users/", Map.of("email", email, "password", PASSWORD), admin);
      jdbc.sql("update users set email_verified = true, role = 'AUTHENTICATED' where email = :email")
          .param("email", email).update();
      tokens.add(api.login(email, PASSWORD));
    }
    return tokens;
  }

  /** A photo-like picture: smooth light with fine noise, which JPEG does not compress away. */
  private static byte[] photo(int width, int height) {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), width, height, new Color(230, 180, 90)));
    graphics.fillRect(0, 0, width, height);
    graphics.dispose();
    var random = new Random(42);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = image.getRGB(x, y);
        int noise = random.nextInt(25) - 12;
        int r = clamp(((rgb >> 16) & 0xff) + noise);
        int g = clamp(((rgb >> 8) & 0xff) + noise);
        int b = clamp((rgb & 0xff) + noise);
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return TestPictures.encode(image, "jpeg");
  }

  private static int clamp(int value) {
    return Math.max(0, Math.min(255, value));
  }

  private static long[] run(Api api, List<String> tokens, byte[] file, int count, String label) throws Exception {
    var next = new AtomicInteger();
    var latencies = new long[count];
    var failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (String token : tokens) {
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          long began = System.nanoTime();
          int status = api.putFile("/users/me/picture", "file", "p.jpg", "image/jpeg", file, token).status();
          latencies[i] = System.nanoTime() - began;
          if (status != (label.equals("bomb") ? 422 : 200) && !label.equals("warm-up")) {
            failures.incrementAndGet();
          }
        }
      }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    pool.shutdown();
    lastWall = System.nanoTime() - start;
    if (failures.get() > 0) {
      System.out.printf("== %s: %d unexpected answers%n", label, failures.get());
    }
    return latencies;
  }

  private static long[] read(Api api, String url, int count, int clients) throws Exception {
    var next = new AtomicInteger();
    var latencies = new long[count];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          long began = System.nanoTime();
          HttpResponse<byte[]> response = api.getBytes(url);
          latencies[i] = System.nanoTime() - began;
          if (response.statusCode() != 200) {
            throw new IllegalStateException("Read answered " + response.statusCode());
          }
        }
      }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    pool.shutdown();
    lastWall = System.nanoTime() - start;
    return latencies;
  }

  private static long lastWall;

  private static void report(String what, long[] latencies, int clients) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    System.out.printf("== %d %s with %d clients: %.1f/s; latency p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
        sorted.length, what, clients, sorted.length / (lastWall / 1e9), percentile(sorted, 50) / 1e6,
        percentile(sorted, 95) / 1e6, sorted[sorted.length - 1] / 1e6);
  }

  private static long percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }
}
