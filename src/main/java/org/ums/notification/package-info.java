/**
 * Notifications: turns account events into emails (verification links, lock and unlock notices) through
 * durable event listeners, composes them from templates whose sentences come from the message bundle, and
 * sends them through the {@link org.ums.notification.MailGateway} port: SMTP when a mail host is configured,
 * the log otherwise.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
    allowedDependencies = {"account", "web"})
package org.ums.notification;
