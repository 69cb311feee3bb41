package org.ums.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is a sane token, else a new one), kept
 * for the audit log and sent back in the answer's {@code X-Request-Id}, so an entry can be matched with a
 * client's or a proxy's log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestFacts extends OncePerRequestFilter {

  static final String HEADER = "X-Request-Id";
  static final String ATTRIBUTE = RequestFacts.class.getName() + ".id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  /**
   * A random id in UUID form. It only tells requests apart, so it comes from the thread's fast generator rather
   * than {@link UUID#randomUUID()}'s secure one, which every request would otherwise pay for.
   */
  static String newId() {
    var random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xf000L) | 0x4000L;
    long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    String id = given != null && SANE.matcher(given).matches() ? given : newId();
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    chain.doFilter(request, response);
  }
}
