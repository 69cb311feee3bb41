package org.ums.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;

/**
 * Every endpoint's refusal comes from its own {@code @PreAuthorize} and from nothing else: whatever the path
 * variables, the body or {@code Accept}, a caller without a token gets 401 and a caller without the role gets 403,
 * before anything is validated or looked up.
 */
@HttpTest
class AccessRulesHttpTests {

  private static final String PASSWORD = "a long enough secret";

  @Autowired
  Api api;
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlers;

  record Endpoint(RequestMethod method, String path, String rule) {
  }

  @Test
  void exportAsCsvIsRefusedToAMemberAs403WhateverTheClientAccepts() {
    var member = api.registerVerifiedMember(Emails.unique("curious"), PASSWORD);

    for (String accept : new String[] {"*/*", "application/json", "text/csv", "image/png"}) {
      var answer = api.send(api.request("/users/export.csv", member.token()).header("Accept", accept).GET());
      assertThat(answer.status()).as(accept).isEqualTo(403);
    }
    assertThat(api.send(api.request("/users/export.csv", null).header("Accept", "application/json").GET()).status())
        .isEqualTo(401);
  }

  @Test
  void everyProtectedEndpointRefusesCallersWithoutTheRuleBeforeReadingAnything() {
    var member = api.registerVerifiedMember(Emails.unique("member"), PASSWORD);
    String managerEmail = Emails.unique("manager");
    var manager = api.registerVerifiedMember(managerEmail, PASSWORD);
    String admin = api.loginAsAdmin();
    assertThat(api.putJson("/users/" + manager.id() + "/role", body("role", "MANAGER", "reason", "Desk"), admin)
        .status()).isEqualTo(200);
    String managerToken = api.login(managerEmail, PASSWORD);

    List<Endpoint> endpoints = protectedEndpoints();
    assertThat(endpoints).hasSizeGreaterThan(25);
    var wrong = new ArrayList<String>();
    for (Endpoint endpoint : endpoints) {
      for (String path : List.of(endpoint.path().replaceAll("\\{[^}]+}", "not-an-id"),
          endpoint.path().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000"))) {
        expect(wrong, endpoint, path, null, 401);
        if (endpoint.rule().contains("ADMIN")) {
          expect(wrong, endpoint, path, member.token(), 403);
        }
        if (endpoint.rule().equals("hasRole('ADMIN')")) {
          expect(wrong, endpoint, path, managerToken, 403);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  private void expect(List<String> wrong, Endpoint endpoint, String path, String token, int status) {
    var request = api.request(path, token).header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .method(endpoint.method().name(), HttpRequest.BodyPublishers.ofString("{\"role\": 42, \"x\": [}"));
    var answer = api.send(request);
    if (answer.status() != status || !answer.contentType().startsWith("application/problem+json")) {
      wrong.add(endpoint.method() + " " + path + (token == null ? " anonymous" : "") + ": " + answer.status());
    }
  }

  private List<Endpoint> protectedEndpoints() {
    var endpoints = new ArrayList<Endpoint>();
    handlers.getHandlerMethods().forEach((info, handler) -> {
      PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
      if (rule == null) {
        rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
      }
      if (rule == null || info.getPathPatternsCondition() == null) {
        return;
      }
      for (RequestMethod method : info.getMethodsCondition().getMethods()) {
        for (String path : info.getPathPatternsCondition().getPatternValues()) {
          endpoints.add(new Endpoint(method, path, rule.value()));
        }
      }
    });
    return endpoints;
  }
}
