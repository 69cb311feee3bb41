package org.ums.admincli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.ApplicationContext;

/**
 * picocli's in-process runner for the admin console: runs one command against the modules of the test's context,
 * as the operator {@value #OS_USER}, and gives back its exit code and what it printed.
 */
public final class ConsoleRunner {

  static final String OS_USER = "ops-tester";

  private final ApplicationContext context;
  private Locale locale = Locale.ENGLISH;

  public ConsoleRunner(ApplicationContext context) {
    this.context = context;
  }

  /** What a command did: its exit code and its two output streams. */
  public record Run(int exitCode, String out, String err) {
    public String output() {
      return out + err;
    }
  }

  ConsoleRunner in(Locale language) {
    var runner = new ConsoleRunner(context);
    runner.locale = language;
    return runner;
  }

  public Run run(String... args) {
    return withInput("", args);
  }

  Run withInput(String stdin, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = AdminConsole.run(context, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out, true), new PrintWriter(err, true), locale, OS_USER, args);
    return new Run(code, out.toString(), err.toString());
  }
}
