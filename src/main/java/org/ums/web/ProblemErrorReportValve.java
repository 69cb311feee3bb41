package org.ums.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.ums.localization.Languages;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat answers some requests before any servlet sees them (a path with {@code %00}, an encoded slash or bytes that
 * are not UTF-8, an oversized header): this valve, in place of Tomcat's HTML error report, answers them as problem
 * details in the language of {@code Accept-Language}, like every other refusal. Errors the application answers
 * itself already carry a body and pass through untouched.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

  private final Problems problems;
  private final JsonMapper json = JsonMapper.builder().build();

  ProblemErrorReportValve(Problems problems) {
    this.problems = problems;
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus status = HttpStatus.resolve(code);
    if (status == null) {
      status = HttpStatus.BAD_REQUEST;
    }
    Locale locale = language(request);
    var problem = new LinkedHashMap<String, Object>();
    problem.put("type", "about:blank");
    problem.put("title", problems.title(status, locale));
    problem.put("status", code);
    problem.put("detail", problems.message(status == HttpStatus.BAD_REQUEST ? "problem.rejected-request"
        : ApiExceptionHandler.detailKey(status), locale));
    try {
      byte[] body = json.writeValueAsBytes(problem);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // The client went away, or the response cannot take a body any more: nothing more to say.
    }
  }

  /** The caller's language from a request that may be malformed in any part, the header included. */
  private static Locale language(Request request) {
    try {
      return Languages.forRequest(request);
    } catch (RuntimeException e) {
      return Languages.DEFAULT;
    }
  }

  /** Puts the valve in the place of the host's HTML error report before the server takes requests. */
  @Component
  static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final Problems problems;

    Installer(Problems problems) {
      this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
        if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
          for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
              host.getPipeline().removeValve(valve);
            }
          }
          host.getPipeline().addValve(new ProblemErrorReportValve(problems));
        }
      }));
    }
  }
}
