/**
 * Accounts: registration, email verification, credentials and lockout, and the administration of users under
 * the role rules. Its API is the services {@link org.ums.account.Registration},
 * {@link org.ums.account.EmailVerification}, {@link org.ums.account.Credentials},
 * {@link org.ums.account.UserAdministration} and {@link org.ums.account.Accounts}, and the domain events it
 * publishes ({@link org.ums.account.UserRegistered} and the others).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts",
    allowedDependencies = {"localization", "localization :: spi", "ratelimit", "web"})
package org.ums.account;
