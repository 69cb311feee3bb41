package org.ums.authentication;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Decides who may call an endpoint from the endpoint's own {@code @PreAuthorize}, in the filter chain, before any
 * argument is read or any representation negotiated: the handler is the one whose path pattern fits the request best
 * among those for its method (as Spring MVC ranks them), so {@code GET /users/export.csv} is refused to a member as
 * every other ADMIN-only endpoint is (403), whatever {@code Accept} asks for, and a caller without a token gets 401
 * before validation says anything. Method security checks the same annotation again when the handler runs. A path no
 * handler serves is let through, to be answered 404.
 *
 * <p>The routes are read once from Spring MVC's mappings and kept sorted by specificity, so a request costs a few
 * pattern matches; the rules the endpoints use ({@code isAuthenticated()}, {@code hasRole}, {@code hasAnyRole}) are
 * checked directly, any other expression with SpEL.
 */
final class HandlerRules implements AuthorizationManager<RequestAuthorizationContext> {

  private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
  private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);
  private static final Pattern ROLES = Pattern.compile("(hasRole|hasAnyRole)\\((\\s*'\\w+'\\s*(,\\s*'\\w+'\\s*)*)\\)");

  private final ObjectProvider<RequestMappingHandlerMapping> mapping;
  private final DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
  private final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();
  private volatile List<Route> routes;

  HandlerRules(ObjectProvider<RequestMappingHandlerMapping> mapping) {
    this.mapping = mapping;
  }

  /** One path pattern of a handler, the methods it answers (all when empty) and who may call it (null: anyone). */
  private record Route(PathPattern pattern, Set<String> methods, Rule rule) {

    boolean serves(String method, PathContainer path) {
      return (methods.isEmpty() || methods.contains(method)) && pattern.matches(path);
    }
  }

  @FunctionalInterface
  private interface Rule {
    boolean allows(Supplier<? extends Authentication> authentication);
  }

  @Override
  public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
      RequestAuthorizationContext context) {
    HttpServletRequest request = context.getRequest();
    List<Route> table = routes();
    if (table.isEmpty()) {
      return GRANTED;
    }
    String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
    Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
    PathContainer path = ServletRequestPathUtils.parseAndCache(request).pathWithinApplication();
    try {
      for (Route route : table) {
        if (route.serves(method, path)) {
          return route.rule() == null || route.rule().allows(authentication) ? GRANTED : DENIED;
        }
      }
      return GRANTED;
    } finally {
      if (previous == null) {
        ServletRequestPathUtils.clearParsedRequestPath(request);
      } else {
        request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
      }
    }
  }

  private List<Route> routes() {
    List<Route> table = routes;
    if (table == null) {
      RequestMappingHandlerMapping handlers = mapping.getIfAvailable();
      if (handlers == null) {
        return List.of();
      }
      var built = new ArrayList<Route>();
      handlers.getHandlerMethods().forEach((info, handler) -> {
        if (info.getPathPatternsCondition() == null) {
          return;
        }
        Set<String> methods = info.getMethodsCondition().getMethods().stream().map(RequestMethod::name)
            .collect(Collectors.toUnmodifiableSet());
        Rule rule = ruleOf(handler);
        info.getPathPatternsCondition().getPatterns().forEach(pattern -> built.add(new Route(pattern, methods, rule)));
      });
      built.sort(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR));
      table = List.copyOf(built);
      routes = table;
    }
    return table;
  }

  private Rule ruleOf(HandlerMethod handler) {
    PreAuthorize annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
    if (annotation == null) {
      annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
    }
    if (annotation == null) {
      return null;
    }
    String expression = annotation.value().strip();
    if (expression.equals("isAuthenticated()")) {
      return authentication -> isAuthenticated(authentication.get());
    }
    var roles = ROLES.matcher(expression);
    if (roles.matches()) {
      Set<String> authorities = Arrays.stream(roles.group(2).split(","))
          .map(role -> "ROLE_" + role.strip().replace("'", "")).collect(Collectors.toUnmodifiableSet());
      return authentication -> {
        Authentication caller = authentication.get();
        if (!isAuthenticated(caller)) {
          return false;
        }
        for (GrantedAuthority authority : caller.getAuthorities()) {
          if (authorities.contains(authority.getAuthority())) {
            return true;
          }
        }
        return false;
      };
    }
    Expression parsed = expressions.getExpressionParser().parseExpression(expression);
    var invocation = new SimpleMethodInvocation(null, handler.getMethod());
    return authentication -> Boolean.TRUE.equals(parsed.getValue(
        expressions.createEvaluationContext(authentication, invocation), Boolean.class));
  }

  private boolean isAuthenticated(Authentication caller) {
    return caller != null && caller.isAuthenticated() && !trust.isAnonymous(caller);
  }
}
