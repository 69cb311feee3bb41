/**
 * The operators' command line (module {@code admincli}; "console" also names the web pages to come):
 * {@code java -jar ums.jar admin <command>} (or {@code bin/ums-admin}) for operators. It starts
 * the service's modules without the web server, with the same configuration, and acts through their APIs as
 * {@link org.ums.account.Actor#CONSOLE}, so that rules, events, emails and audit entries are those of the API.
 * Exit codes: 0 done, 1 the operation failed, 2 bad usage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin command line",
    allowedDependencies = {"account", "audit", "authentication", "localization"})
package org.ums.admincli;
