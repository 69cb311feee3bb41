/**
 * Finds the database before the application starts: the configured PostgreSQL server, or, for development and
 * tests, an embedded PostgreSQL started in-process. Without either, start-up stops with a message naming the
 * settings to give.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Embedded database", allowedDependencies = {})
package org.ums.embeddeddatabase;
