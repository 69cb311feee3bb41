package org.ums.storage;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Objects in one bucket of an S3-compatible service. */
class S3ObjectStorage implements ObjectStorage {

  private static final Logger log = LoggerFactory.getLogger(S3ObjectStorage.class);

  private final S3Client s3;
  private final String bucket;

  S3ObjectStorage(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** Creates the bucket when it does not exist yet, so a fresh MinIO works without a manual step. */
  void ensureBucket() {
    try {
      s3.headBucket(request -> request.bucket(bucket));
    } catch (NoSuchBucketException e) {
      createBucket();
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw new StorageException("Cannot reach the bucket " + bucket, e);
      }
      createBucket();
    } catch (SdkException e) {
      throw new StorageException("Cannot reach the bucket " + bucket, e);
    }
  }

  private void createBucket() {
    log.info("Creating the bucket {}", bucket);
    try {
      s3.createBucket(request -> request.bucket(bucket));
    } catch (SdkException e) {
      throw new StorageException("Cannot create the bucket " + bucket, e);
    }
  }

  @Override
  public void put(String key, byte[] content, String contentType) {
    ObjectStorage.requireValidKey(key);
    try {
      s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType)
          .contentLength((long) content.length), RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw new StorageException("Cannot write " + key, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    ObjectStorage.requireValidKey(key);
    try {
      return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new StorageException("Cannot read " + key, e);
    }
  }

  @Override
  public void delete(String key) {
    ObjectStorage.requireValidKey(key);
    try {
      s3.deleteObject(request -> request.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw new StorageException("Cannot delete " + key, e);
    }
  }

  @Override
  public void deleteAll(String prefix) {
    ObjectStorage.requireValidPrefix(prefix);
    try {
      // One request per object: a user has a handful, and not every S3-compatible server takes batch deletes.
      for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
          .contents()) {
        s3.deleteObject(request -> request.bucket(bucket).key(object.key()));
      }
    } catch (SdkException e) {
      throw new StorageException("Cannot delete " + prefix, e);
    }
  }

  /** Called by Spring when the context closes (an inferred destroy method). */
  public void close() {
    s3.close();
  }
}
