package org.ums.admincli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The command line of operators: parses the arguments with picocli, runs the command against the service's
 * modules and answers with an exit code (0 done, 1 failed, 2 bad usage).
 */
public final class AdminConsole {

  /** The first argument that turns the jar into the console: {@code java -jar ums.jar admin ...}. */
  public static final String ARGUMENT = "admin";

  private AdminConsole() {
  }

  /** Runs one command for a person or a script, starting the modules itself; returns the exit code. */
  public static int run(Class<?> application, String... args) {
    var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    ConsoleRuntime.Owned modules = migrate -> start(application, migrate);
    try (var runtime = new ConsoleRuntime(System.in, out, err, localeOf(System.getenv()), attachedToTerminal(),
        System.getProperty("user.name", "unknown"), modules)) {
      return execute(runtime, args);
    }
  }

  /**
   * The operator's language as the environment names it, in gettext's order (LC_ALL, LC_MESSAGES, LANG): Java
   * reads it only when that locale is installed in the operating system, which slim images lack.
   * {@code C} and {@code POSIX} mean English.
   */
  static Locale localeOf(java.util.Map<String, String> environment) {
    for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        String language = value.split("[.@]", 2)[0];
        return language.equals("C") || language.equals("POSIX") ? Locale.ENGLISH
            : Locale.forLanguageTag(language.replace('_', '-'));
      }
    }
    return Locale.getDefault();
  }

  /**
   * Runs one command against modules already running, which stay running (picocli's in-process runner, for
   * tests); {@code osUser} is who the audit log records.
   */
  public static int run(ApplicationContext context, InputStream in, PrintWriter out, PrintWriter err, Locale locale,
      String osUser, String... args) {
    try (var runtime = new ConsoleRuntime(in, out, err, locale, false, osUser, migrate -> context)) {
      return execute(runtime, args);
    }
  }

  static int execute(ConsoleRuntime runtime, String... args) {
    var commandLine = new CommandLine(new UmsAdmin(), new Factory(runtime));
    commandLine.setResourceBundle(runtime.messages().bundle());
    // picocli's help command states its header in English in its annotation, which a bundle does not replace.
    String helpText = runtime.messages().get("ums-admin.help.usage.description");
    commandLine.getSubcommands().get("help").getCommandSpec().usageMessage().header(helpText);
    commandLine.setOut(runtime.out());
    commandLine.setErr(runtime.err());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler((ParameterException e, String[] given) -> {
      runtime.complain("console.usage-error", explain(e, runtime.messages()));
      runtime.complain("console.usage-hint", e.getCommandLine().getCommandSpec().qualifiedName());
      return ConsoleRuntime.ExitCode.USAGE;
    });
    commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
      runtime.complain("console.failed", ConsoleRuntime.rootMessage(e));
      return ConsoleRuntime.ExitCode.FAILED;
    });
    return commandLine.execute(args);
  }

  /**
   * picocli's account of a usage error in the operator's language, for the errors people make; others keep
   * picocli's English. An unknown argument is named alone: the value after it may be a secret typed by mistake.
   */
  static String explain(ParameterException e, ConsoleMessages messages) {
    if (e instanceof CommandLine.MissingParameterException missing) {
      return messages.get("console.usage.missing", String.join(", ",
          missing.getMissing().stream().map(AdminConsole::label).toList()));
    }
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      return messages.get("console.usage.unknown", unmatched.getUnmatched().get(0));
    }
    if (e.getArgSpec() != null && e.getValue() != null) {
      Class<?> type = e.getArgSpec().type();
      if (type.isEnum()) {
        return messages.get("console.usage.choice", label(e.getArgSpec()), e.getValue(), String.join(", ",
            java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList()));
      }
      return messages.get("console.usage.invalid", label(e.getArgSpec()), e.getValue());
    }
    return e.getMessage();
  }

  private static String label(CommandLine.Model.ArgSpec argument) {
    return argument instanceof CommandLine.Model.OptionSpec option ? option.longestName() : argument.paramLabel();
  }

  /** Whether a person is at a terminal: from Java 22 on, a console exists even when the streams are redirected. */
  static boolean attachedToTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static ApplicationContext start(Class<?> application, boolean migrate) {
    // As command-line arguments these settings win over application.properties.
    return new SpringApplicationBuilder(application)
        .web(WebApplicationType.NONE)
        .profiles("console")
        .run("--ums.console.migrate=" + migrate,
            // Without migrations the tables may not be there yet to validate.
            "--spring.jpa.hibernate.ddl-auto=" + (migrate ? "validate" : "none"));
  }

  /** The top command: only groups the others. */
  @Command(name = "ums-admin", mixinStandardHelpOptions = true, versionProvider = Version.class,
      subcommands = {CreateAdminCommand.class, SetRoleCommand.class, LockCommand.class, UnlockCommand.class,
          VerifyEmailCommand.class, DeleteUserCommand.class, ImportUsersCommand.class, ExportUsersCommand.class,
          RotateSigningKeyCommand.class, ResetDatabaseCommand.class, DatabaseCommand.class,
          CommandLine.HelpCommand.class})
  static final class UmsAdmin implements Runnable {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new ParameterException(spec.commandLine(), spec.commandLine().getResourceBundle()
          .getString("console.command-required"));
    }
  }

  /** The version of the jar, as Maven wrote it into the manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = AdminConsole.class.getPackage().getImplementationVersion();
      return new String[] {"ums-admin " + (version == null ? "development" : version)};
    }
  }

  /** Gives every command the runtime it works with. */
  private record Factory(ConsoleRuntime runtime) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(ConsoleRuntime.class).newInstance(runtime);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
