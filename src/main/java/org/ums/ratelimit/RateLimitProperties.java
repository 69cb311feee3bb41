package org.ums.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limit settings; 0 switches a limit off.
 *
 * @param loginPerAccountPerMinute login attempts per minute for one username, whether or not an account has it
 *     (10 by default)
 * @param perIpPerMinute calls per minute from one client address to login, registration, verification resend
 *     and password reset requests together (120 by default)
 * @param emailsPerAddressPerHour reset and verification emails per hour that anyone can have sent to one address
 *     (5 by default)
 * @param loginFailuresPerIpPerHour wrong passwords for existing accounts per hour from one client address, past which
 *     its logins are refused until the hour has let some through again (30 by default): one address cannot lock many
 *     accounts
 */
@ConfigurationProperties("ums.rate-limit")
record RateLimitProperties(Integer loginPerAccountPerMinute, Integer perIpPerMinute,
    Integer emailsPerAddressPerHour, Integer loginFailuresPerIpPerHour) {

  RateLimitProperties {
    loginPerAccountPerMinute = loginPerAccountPerMinute == null || loginPerAccountPerMinute < 0 ? 10
        : loginPerAccountPerMinute;
    perIpPerMinute = perIpPerMinute == null || perIpPerMinute < 0 ? 120 : perIpPerMinute;
    emailsPerAddressPerHour = emailsPerAddressPerHour == null || emailsPerAddressPerHour < 0 ? 5
        : emailsPerAddressPerHour;
    loginFailuresPerIpPerHour = loginFailuresPerIpPerHour == null || loginFailuresPerIpPerHour < 0 ? 30
        : loginFailuresPerIpPerHour;
  }
}
