package org.ums.admincli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.ums.account.AccountException;
import org.ums.account.FieldViolation;
import org.ums.account.InvalidAccountDataException;
import org.ums.audit.ConsoleSession;

/**
 * What a command runs with: the operator's streams and language, whether a person sits at a terminal, and the
 * service's modules, started on first use (so {@code --help} and usage errors need no database).
 */
final class ConsoleRuntime implements AutoCloseable {

  /** Starts the modules; {@code true} when the database is to be migrated on the way, as the server does. */
  interface Modules extends Function<Boolean, ApplicationContext> {
  }

  private final InputStream in;
  private final PrintWriter out;
  private final PrintWriter err;
  private final ConsoleMessages messages;
  private final boolean terminal;
  private final String osUser;
  private final Modules modules;
  private ApplicationContext context;

  ConsoleRuntime(InputStream in, PrintWriter out, PrintWriter err, Locale locale, boolean terminal, String osUser,
      Modules modules) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.messages = new ConsoleMessages(locale);
    this.terminal = terminal;
    this.osUser = osUser;
    this.modules = modules;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  ConsoleMessages messages() {
    return messages;
  }

  boolean terminal() {
    return terminal;
  }

  String osUser() {
    return osUser;
  }

  InputStream in() {
    return in;
  }

  /** The first line of standard input, without its line end; empty when there is none. */
  String readLine() {
    try {
      String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      return line == null ? "" : line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asks the person at the terminal, without echo. */
  char[] askSecret(String promptKey) {
    return System.console().readPassword("%s", messages.get(promptKey));
  }

  /** Asks the person at the terminal. */
  String ask(String promptKey, Object... arguments) {
    String answer = System.console().readLine("%s", messages.get(promptKey, arguments));
    return answer == null ? "" : answer.strip();
  }

  <T> T bean(Class<T> type) {
    return modules(true).getBean(type);
  }

  /** The modules; {@code migrate} false leaves the database as it is (for {@code db info} and resets). */
  ApplicationContext modules(boolean migrate) {
    if (context == null) {
      try {
        context = modules.apply(migrate);
      } catch (RuntimeException e) {
        throw new ConsoleFailure("console.cannot-start", rootMessage(e));
      }
    }
    return context;
  }

  void say(String key, Object... arguments) {
    out.println(messages.get(key, arguments));
    out.flush();
  }

  void complain(String key, Object... arguments) {
    err.println(messages.get(key, arguments));
    err.flush();
  }

  /**
   * Runs an operation on behalf of the operator (recorded in the audit log as the console and the OS user) and
   * turns what went wrong into a sentence and exit code 1.
   */
  int perform(Operation operation) {
    var session = new ConsoleSession(osUser, "console-" + UUID.randomUUID());
    try (var scope = session.open()) {
      return operation.run();
    } catch (InvalidAccountDataException e) {
      for (FieldViolation violation : e.violations()) {
        complain("console.field-error", violation.field(),
            messages.get(violation.messageKey(), violation.arguments().toArray()));
      }
      return ExitCode.FAILED;
    } catch (AccountException e) {
      complain(e.messageKey());
      return ExitCode.FAILED;
    } catch (ConsoleFailure e) {
      complain(e.key(), e.arguments());
      return ExitCode.FAILED;
    } catch (RuntimeException e) {
      complain("console.failed", rootMessage(e));
      return ExitCode.FAILED;
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
  }

  @Override
  public void close() {
    if (context instanceof ConfigurableApplicationContext configurable && modules instanceof Owned) {
      // Emails that listeners are still sending go out before the database connections close: the executors
      // stop first, waiting as spring.task.execution.shutdown says.
      var executors = configurable.getBeansOfType(ThreadPoolTaskExecutor.class).values();
      executors.forEach(ThreadPoolTaskExecutor::shutdown);
      int left = executors.stream().mapToInt(executor -> executor.getThreadPoolExecutor().getQueue().size()
          + executor.getThreadPoolExecutor().getActiveCount()).sum();
      if (left > 0) {
        // Their event publications stay incomplete in the registry; the server completes them.
        say("console.emails-left", left);
        executors.forEach(executor -> executor.getThreadPoolExecutor().shutdownNow());
        // What the interrupted listeners and the closing modules would say now is noise.
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.OFF);
      }
      configurable.close();
    }
    out.flush();
    err.flush();
  }

  /** Modules this runtime started, and so closes. */
  interface Owned extends Modules {
  }

  /** What a command does once its arguments are read; returns the exit code. */
  @FunctionalInterface
  interface Operation {
    int run() throws RuntimeException;
  }

  /** Exit codes of every command. */
  static final class ExitCode {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private ExitCode() {
    }
  }

  /** An operation that cannot go on, with the sentence that says why. */
  static final class ConsoleFailure extends RuntimeException {
    private final String key;
    private final transient Object[] arguments;

    ConsoleFailure(String key, Object... arguments) {
      super(key, null, false, false);
      this.key = key;
      this.arguments = arguments;
    }

    String key() {
      return key;
    }

    Object[] arguments() {
      return arguments;
    }
  }
}
