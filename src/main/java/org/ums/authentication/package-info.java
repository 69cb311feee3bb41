/**
 * Authentication: the OAuth2 password-flow login that issues signed JWTs, the signing keys and their JWKS, and
 * the HTTP security that turns a bearer token into the caller ({@link org.ums.account.Actor}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Authentication",
    allowedDependencies = {"account", "ratelimit", "web"})
package org.ums.authentication;
