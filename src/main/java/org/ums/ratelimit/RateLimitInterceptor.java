package org.ums.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts the calls that anyone may make to log in, register or be sent an email: per client address over all of
 * them, and per username on login. The client address is the connection's, or the one a trusted proxy forwarded
 * ({@code UMS_TRUSTED_PROXIES}); usernames are counted by a hash, so the table holds no email.
 */
class RateLimitInterceptor implements HandlerInterceptor {

  static final Set<String> LIMITED_PATHS = Set.of("/login", "/register", "/verify-email/resend",
      "/password-reset/request");

  private final RateLimits limits;
  private final RateLimitProperties properties;

  RateLimitInterceptor(RateLimits limits, RateLimitProperties properties) {
    this.limits = limits;
    this.properties = properties;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String path = path(request);
    if (!"POST".equals(request.getMethod()) || !LIMITED_PATHS.contains(path)) {
      return true;
    }
    limits.take("ip:" + request.getRemoteAddr(), properties.perIpPerMinute()).ifPresent(wait -> {
      throw new RateLimitedException(wait);
    });
    if ("/login".equals(path)) {
      String username = request.getParameter("username");
      if (username != null) {
        limits.take("login:" + RateLimits.digest(username.strip().toLowerCase(Locale.ROOT)),
            properties.loginPerAccountPerMinute()).ifPresent(wait -> {
              throw new RateLimitedException(wait);
            });
      }
    }
    return true;
  }

  private static String path(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
