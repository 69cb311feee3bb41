/**
 * The audit log: an append-only record of who did what to whom (account created, edited, deleted, role changed,
 * locked, unlocked, professional status changed, users exported), written in the same transaction as the change, with the
 * caller's id and role, client address, user agent and request id. Its API is {@link org.ums.audit.AuditLog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
    allowedDependencies = {"account", "authentication", "web"})
package org.ums.audit;
