/**
 * Object storage: the {@link org.ums.storage.ObjectStorage} port that other modules keep files in, with a
 * local-filesystem adapter (the default) and an S3 adapter (MinIO, AWS S3, Ceph, Garage) chosen by
 * {@link org.ums.storage.StorageProperties}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage", allowedDependencies = {})
package org.ums.storage;
