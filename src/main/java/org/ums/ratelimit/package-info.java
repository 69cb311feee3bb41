/**
 * Rate limits that hold across instances: token buckets kept in PostgreSQL (Bucket4j), per client address over the
 * endpoints that anyone may call to log in, register or be sent an email, and per account on login. A refused call
 * is a 429 problem with {@code Retry-After}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rate limits", allowedDependencies = {"web"})
package org.ums.ratelimit;
