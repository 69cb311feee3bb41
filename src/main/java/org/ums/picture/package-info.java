/**
 * Profile pictures: uploads checked by their bytes, re-encoded without metadata into square sizes kept in
 * {@link org.ums.storage.ObjectStorage}, served to browsers, removed by their owner or a moderator and when
 * the account is deleted; initials for users without a picture. Its API is {@link org.ums.picture.Pictures}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pictures",
    allowedDependencies = {"account", "storage", "web"})
package org.ums.picture;
