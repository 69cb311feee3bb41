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
 */
@ConfigurationProperties("ums.rate-limit")
record RateLimitProperties(Integer loginPerAccountPerMinute, Integer perIpPerMinute,
    Integer emailsPerAddressPerHour) {

  RateLimitProperties {
    loginPerAccountPerMinute = loginPerAccountPerMinute == null || loginPerAccountPerMinute < 0 ? 10
        : loginPerAccountPerMinute;
    perIpPerMinute = perIpPerMinute == null || perIpPerMinute < 0 ? 120 : perIpPerMinute;
    emailsPerAddressPerHour = emailsPerAddressPerHour == null || emailsPerAddressPerHour < 0 ? 5
        : emailsPerAddressPerHour;
  }
}
