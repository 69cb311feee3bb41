package org.ums.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, loading a page and handing back the DOM it ended with. On a machine without
 * Chromium the calling test is skipped, except in CI (CI=true), whose script installs it: there it must run.
 */
public final class HeadlessBrowser {

  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("UMS_TEST_CHROMIUM",
      "/usr/bin/chromium"));

  private HeadlessBrowser() {
  }

  /** The DOM after {@code html} has loaded, with everything it refers to. */
  public static String domAfterLoading(String html) {
    boolean present = Files.isExecutable(CHROMIUM);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("Chromium is missing at " + CHROMIUM + "; .ci/run installs it");
    }
    assumeTrue(present, "Chromium is not installed at " + CHROMIUM);
    // The page is served from this machine too: Chromium refuses a data: page's requests to localhost.
    HttpServer server = null;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] body = html.getBytes(StandardCharsets.UTF_8);
      server.createContext("/", exchange -> {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
      String page = "http://localhost:" + server.getAddress().getPort() + "/";
      Path profile = Files.createTempDirectory("ums-chromium");
      Path dom = Files.createTempFile("ums-chromium", ".html");
      try {
        Process process = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
            "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
            "--virtual-time-budget=10000", "--dump-dom", page))
            .redirectOutput(dom.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("Chromium did not finish within 60 s");
        }
        return Files.readString(dom, StandardCharsets.UTF_8);
      } finally {
        FileSystemUtils.deleteRecursively(profile);
        Files.deleteIfExists(dom);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run Chromium", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (server != null) {
        server.stop(0);
      }
    }
  }
}
