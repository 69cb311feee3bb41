package org.ums.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts the calls to the handlers marked {@link RateLimited}: per client address over all of them, and per username
 * where the mark names its parameter. The client address is the connection's, or the one a trusted proxy forwarded
 * ({@code UMS_TRUSTED_PROXIES}); usernames are counted by a hash, so the table holds no email.
 */
class RateLimitInterceptor implements HandlerInterceptor {

  private final RateLimits limits;
  private final RateLimitProperties properties;

  RateLimitInterceptor(RateLimits limits, RateLimitProperties properties) {
    this.limits = limits;
    this.properties = properties;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    RateLimited limit = method.getMethodAnnotation(RateLimited.class);
    if (limit == null) {
      return true;
    }
    limits.take("ip:" + request.getRemoteAddr(), properties.perIpPerMinute()).ifPresent(wait -> {
      throw new RateLimitedException(wait);
    });
    if (!limit.perUsername().isEmpty()) {
      String username = request.getParameter(limit.perUsername());
      if (username != null) {
        limits.take("login:" + RateLimits.digest(username.strip().toLowerCase(Locale.ROOT)),
            properties.loginPerAccountPerMinute()).ifPresent(wait -> {
              throw new RateLimitedException(wait);
            });
      }
    }
    return true;
  }
}
