package org.ums.admincli;

import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code db migrate} and {@code db info}: the schema's migrations, as Flyway keeps them. */
@Command(name = "db", mixinStandardHelpOptions = true,
    subcommands = {DatabaseCommand.Migrate.class, DatabaseCommand.Info.class})
final class DatabaseCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), spec.commandLine().getResourceBundle()
        .getString("console.command-required"));
  }

  static Flyway flyway(ConsoleRuntime runtime) {
    return runtime.modules(false).getBean(Flyway.class);
  }

  /** Prints every migration with its state, and how many are pending. */
  static void report(ConsoleRuntime runtime, Flyway flyway) {
    var info = flyway.info();
    for (MigrationInfo migration : info.all()) {
      runtime.say("console.db.migration", String.valueOf(migration.getVersion()), migration.getDescription(),
          migration.getState().getDisplayName(),
          migration.getInstalledOn() == null ? "" : migration.getInstalledOn().toInstant().toString());
    }
    runtime.say("console.db.summary", info.applied().length, info.pending().length,
        info.current() == null ? "-" : String.valueOf(info.current().getVersion()));
  }

  @Command(name = "migrate", mixinStandardHelpOptions = true)
  static final class Migrate implements Callable<Integer> {
    private final ConsoleRuntime runtime;

    Migrate(ConsoleRuntime runtime) {
      this.runtime = runtime;
    }

    @Override
    public Integer call() {
      return runtime.perform(() -> {
        Flyway flyway = flyway(runtime);
        var result = flyway.migrate();
        runtime.say("console.db.migrated", result.migrationsExecuted);
        report(runtime, flyway);
        return ConsoleRuntime.ExitCode.OK;
      });
    }
  }

  @Command(name = "info", mixinStandardHelpOptions = true)
  static final class Info implements Callable<Integer> {
    private final ConsoleRuntime runtime;

    Info(ConsoleRuntime runtime) {
      this.runtime = runtime;
    }

    @Override
    public Integer call() {
      return runtime.perform(() -> {
        report(runtime, flyway(runtime));
        return ConsoleRuntime.ExitCode.OK;
      });
    }
  }
}

/**
 * {@code reset-database --yes-i-am-sure}: drops every object of the schemas UMS migrates (its tables, Flyway's
 * history, functions and types) and migrates again, leaving an empty service. At a terminal the operator must
 * also type the database's name.
 */
@Command(name = "reset-database", mixinStandardHelpOptions = true)
final class ResetDatabaseCommand implements Callable<Integer> {

  private final ConsoleRuntime runtime;

  @Option(names = "--yes-i-am-sure", descriptionKey = "console.option.yes-i-am-sure")
  boolean sure;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  ResetDatabaseCommand(ConsoleRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public Integer call() {
    if (!sure) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          runtime.messages().get("console.reset-database.confirm"));
    }
    return runtime.perform(() -> {
      Flyway configured = DatabaseCommand.flyway(runtime);
      String database = new JdbcTemplate(runtime.modules(false).getBean(DataSource.class))
          .queryForObject("select current_database()", String.class);
      if (runtime.terminal()) {
        String typed = runtime.ask("console.reset-database.type-name", database);
        if (!typed.equals(database)) {
          throw new ConsoleRuntime.ConsoleFailure("console.reset-database.name-differs", database);
        }
      }
      // Cleaning is off by default in Flyway's configuration, so that nothing else can do it by mistake.
      Flyway cleaner = Flyway.configure().configuration(configured.getConfiguration()).cleanDisabled(false).load();
      cleaner.clean();
      var result = cleaner.migrate();
      runtime.say("console.reset-database.done", database, result.migrationsExecuted);
      return ConsoleRuntime.ExitCode.OK;
    });
  }
}
