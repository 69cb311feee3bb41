package org.ums.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Chooses the adapter: S3 when {@code ums.storage.s3} names an endpoint or a bucket, the filesystem otherwise. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

  @Bean
  ObjectStorage objectStorage(StorageProperties properties) {
    StorageProperties.S3 settings = properties.s3();
    if (!settings.enabled()) {
      log.info("Objects are stored under {}", properties.localDirectory().toAbsolutePath().normalize());
      return new FileSystemObjectStorage(properties.localDirectory());
    }
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(settings.region()))
        .forcePathStyle(true)
        // Newer SDKs add CRC checksums to every upload, which several S3-compatible servers refuse.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(settings.accessKey() == null ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                settings.secretKey())));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    var storage = new S3ObjectStorage(builder.build(), settings.bucketName());
    storage.ensureBucket();
    log.info("Objects are stored in the bucket {} at {}", settings.bucketName(),
        settings.endpoint() == null ? "AWS S3" : settings.endpoint());
    return storage;
  }
}
