package org.ums.support;

import java.net.URI;
import java.util.List;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One S3-compatible server (S3Proxy, in memory) in the test JVM, started on first use and stopped with the JVM.
 * Tests read the bucket through a real S3 client to see what the service left there.
 */
public final class S3Server {

  public static final String ACCESS_KEY = "test-access-key";
  public static final String SECRET_KEY = "test-secret-key-0123456789";
  public static final String BUCKET = "ums-pictures";

  private static S3ProxyJunitCore server;
  private static S3Client client;

  private S3Server() {
  }

  public static synchronized URI endpoint() {
    if (server == null) {
      var started = new S3ProxyJunitCore.Builder().withCredentials(ACCESS_KEY, SECRET_KEY)
          .withBlobStoreProvider("transient").build();
      try {
        started.beforeEach();
      } catch (Exception e) {
        throw new IllegalStateException("S3Proxy did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(started::afterEach, "s3proxy-stop"));
      server = started;
    }
    return server.getUri();
  }

  /** Points the service's storage at this server. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("ums.storage.s3.endpoint", () -> endpoint().toString());
    registry.add("ums.storage.s3.bucket", () -> BUCKET);
    registry.add("ums.storage.s3.access-key", () -> ACCESS_KEY);
    registry.add("ums.storage.s3.secret-key", () -> SECRET_KEY);
  }

  /** A client of its own, as another program would use. */
  public static synchronized S3Client client() {
    if (client == null) {
      client = S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
          .build();
    }
    return client;
  }

  /** The keys in the bucket that start with {@code prefix}. */
  public static List<String> keys(String prefix) {
    return client().listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(S3Object::key).toList();
  }
}
