package org.ums.authentication;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Decides who may call an endpoint from the endpoint's own {@code @PreAuthorize}, in the filter chain, before any
 * argument is read or any representation negotiated: the handler is the one whose path pattern fits the request best
 * among those for its method, so {@code GET /users/export.csv} is refused to a member as every other ADMIN-only
 * endpoint is (403), whatever {@code Accept} asks for, and a caller without a token gets 401 before validation says
 * anything. Method security checks the same annotation again when the handler runs. A path no handler serves is let
 * through, to be answered 404.
 */
final class HandlerRules implements AuthorizationManager<RequestAuthorizationContext> {

  private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
  private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

  private final ObjectProvider<RequestMappingHandlerMapping> mapping;
  private final MethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
  private final Map<Method, Optional<Expression>> rules = new ConcurrentHashMap<>();

  HandlerRules(ObjectProvider<RequestMappingHandlerMapping> mapping) {
    this.mapping = mapping;
  }

  @Override
  public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
      RequestAuthorizationContext context) {
    HttpServletRequest request = context.getRequest();
    HandlerMethod handler = handlerFor(request);
    if (handler == null) {
      return GRANTED;
    }
    Optional<Expression> rule = rules.computeIfAbsent(handler.getMethod(), method -> ruleOf(handler));
    if (rule.isEmpty()) {
      return GRANTED;
    }
    var invocation = new SimpleMethodInvocation(null, handler.getMethod());
    Boolean allowed = rule.get().getValue(expressions.createEvaluationContext(authentication, invocation),
        Boolean.class);
    return Boolean.TRUE.equals(allowed) ? GRANTED : DENIED;
  }

  private Optional<Expression> ruleOf(HandlerMethod handler) {
    PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
    if (rule == null) {
      rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
    }
    return rule == null ? Optional.empty() : Optional.of(expressions.getExpressionParser().parseExpression(rule.value()));
  }

  /** The handler of the best-fitting path pattern among those mapped for the request's method. */
  private HandlerMethod handlerFor(HttpServletRequest request) {
    RequestMappingHandlerMapping handlers = mapping.getIfAvailable();
    if (handlers == null) {
      return null;
    }
    Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
    ServletRequestPathUtils.parseAndCache(request);
    try {
      HandlerMethod best = null;
      PathPatternsRequestCondition bestPath = null;
      for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlers.getHandlerMethods().entrySet()) {
        RequestMappingInfo info = entry.getKey();
        if (info.getPathPatternsCondition() == null
            || info.getMethodsCondition().getMatchingCondition(request) == null) {
          continue;
        }
        PathPatternsRequestCondition path = info.getPathPatternsCondition().getMatchingCondition(request);
        if (path != null && (bestPath == null || path.compareTo(bestPath, request) < 0)) {
          best = entry.getValue();
          bestPath = path;
        }
      }
      return best;
    } finally {
      if (previous == null) {
        ServletRequestPathUtils.clearParsedRequestPath(request);
      } else {
        request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
      }
    }
  }
}
