/**
 * Languages: the ones UMS speaks (a message bundle each), the language of a request (the caller's choice, else
 * {@code Accept-Language}, else English), {@code GET /languages}, and a start-up report of sentences missing from a
 * bundle. Its API is {@link org.ums.localization.Languages}; the modules that know a caller's choice provide
 * {@link org.ums.localization.spi.UserLanguages}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Localization", allowedDependencies = {})
package org.ums.localization;
