/**
 * What every HTTP endpoint shares: RFC 9457 problem details in the caller's language, paths that answer with
 * and without a trailing slash, CORS, and the API documentation (OpenAPI, Swagger UI, ReDoc).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = {"localization"})
package org.ums.web;
