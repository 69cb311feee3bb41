package org.ums.storage;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where objects are kept: in a folder of the local filesystem unless an S3 endpoint or bucket is named.
 *
 * @param localDirectory the folder of the filesystem adapter
 * @param s3 the S3 adapter's settings, used when its endpoint or bucket is set
 */
@ConfigurationProperties("ums.storage")
public record StorageProperties(@DefaultValue(".ums/storage") Path localDirectory, @DefaultValue S3 s3) {

  /**
   * An S3-compatible service, addressed path-style so that MinIO, Ceph and Garage work without DNS tricks.
   *
   * @param endpoint the service's URL; blank for AWS S3 itself
   * @param bucket the bucket, created at start-up when it does not exist
   * @param accessKey the access key; blank to use the AWS default credential chain
   * @param secretKey the secret key that goes with the access key
   * @param region the signing region
   */
  public record S3(URI endpoint, String bucket, String accessKey, String secretKey,
      @DefaultValue("us-east-1") String region) {

    public S3 {
      endpoint = endpoint == null || endpoint.toString().isBlank() ? null : endpoint;
      bucket = blankToNull(bucket);
      accessKey = blankToNull(accessKey);
      secretKey = blankToNull(secretKey);
      region = region == null || region.isBlank() ? "us-east-1" : region.strip();
      if ((accessKey == null) != (secretKey == null)) {
        throw new IllegalArgumentException(
            "ums.storage.s3.access-key and ums.storage.s3.secret-key go together: set both or neither");
      }
      if (endpoint != null && !"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
        throw new IllegalArgumentException("ums.storage.s3.endpoint must be an http or https URL: " + endpoint);
      }
    }

    /** Whether S3 is configured, which switches the filesystem adapter off. */
    public boolean enabled() {
      return endpoint != null || bucket != null;
    }

    /** The bucket, {@code ums} when only an endpoint is named. */
    public String bucketName() {
      return bucket == null ? "ums" : bucket;
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }
}
