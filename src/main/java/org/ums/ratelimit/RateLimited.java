package org.ums.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that anyone may call to log in, register or be sent an email: its calls count against the
 * client address's share ({@code UMS_RATE_LIMIT_PER_IP_PER_MINUTE}) and, when {@link #perUsername()} names a
 * parameter, against that username's share ({@code UMS_RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE}). The limit belongs
 * to the handler, so every spelling of its path that reaches it (encoded, with a trailing slash) is counted alike.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimited {

  /** The request parameter holding the username to count per account; empty when none is counted. */
  String perUsername() default "";
}
