package org.ums.admincli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.ums.account.Actor;
import org.ums.account.InvalidAccountDataException;
import org.ums.account.UserAdministration;
import org.ums.account.UserCsv;
import org.ums.account.UserSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export-users FILE.csv [filters]}: every matching user as the API's CSV export writes it (formula-safe,
 * no secrets), streamed, recorded in the audit log. The file appears only when complete; {@code -} writes to
 * standard output.
 */
@Command(name = "export-users", mixinStandardHelpOptions = true)
final class ExportUsersCommand implements Callable<Integer> {

  private final ConsoleRuntime runtime;

  @Parameters(index = "0", paramLabel = "FILE.csv", descriptionKey = "console.option.export-file")
  String file;

  @Option(names = "--q", paramLabel = "TEXT", descriptionKey = "console.option.q")
  String q;

  @Option(names = "--role", paramLabel = "ROLE", split = ",", descriptionKey = "console.option.filter-role")
  List<String> roles;

  @Option(names = "--is-locked", paramLabel = "true|false", arity = "1", descriptionKey = "console.option.is-locked")
  Boolean locked;

  @Option(names = "--email-verified", paramLabel = "true|false", arity = "1",
      descriptionKey = "console.option.email-verified")
  Boolean emailVerified;

  @Option(names = "--is-professional", paramLabel = "true|false", arity = "1",
      descriptionKey = "console.option.is-professional")
  Boolean professional;

  @Option(names = "--created-from", paramLabel = "DATE", descriptionKey = "console.option.from")
  String createdFrom;

  @Option(names = "--created-to", paramLabel = "DATE", descriptionKey = "console.option.to")
  String createdTo;

  @Option(names = "--last-login-from", paramLabel = "DATE", descriptionKey = "console.option.from")
  String lastLoginFrom;

  @Option(names = "--last-login-to", paramLabel = "DATE", descriptionKey = "console.option.to")
  String lastLoginTo;

  @Option(names = "--sort", paramLabel = "ORDER", descriptionKey = "console.option.sort")
  String sort;

  ExportUsersCommand(ConsoleRuntime runtime) {
    this.runtime = runtime;
  }

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    UserSearch search;
    try {
      search = UserSearch.parse(q, roles, locked, emailVerified, professional, createdFrom, createdTo,
          lastLoginFrom, lastLoginTo, sort, 0, UserSearch.MAX_LIMIT, null);
    } catch (InvalidAccountDataException e) {
      // A filter the directory does not understand is wrong usage, like an unknown option.
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), String.join("; ", e.violations().stream()
          .map(v -> runtime.messages().get("console.field-error", "--" + v.field().replace('_', '-'),
              runtime.messages().get(v.messageKey(), v.arguments().toArray()))).toList()));
    }
    return runtime.perform(() -> {
      UserAdministration administration = runtime.bean(UserAdministration.class);
      var count = new AtomicLong();
      if (file.equals("-")) {
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 64 * 1024);
        write(administration, search, out, count);
        return ConsoleRuntime.ExitCode.OK;
      }
      Path target = Path.of(file).toAbsolutePath();
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      try {
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
          write(administration, search, out, count);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | UncheckedIOException e) {
        deleteQuietly(partial);
        throw new ConsoleRuntime.ConsoleFailure("console.export.cannot-write", file, ConsoleRuntime.rootMessage(e));
      } catch (RuntimeException e) {
        deleteQuietly(partial);
        throw e;
      }
      runtime.say("console.export.done", count.get(), file);
      return ConsoleRuntime.ExitCode.OK;
    });
  }

  private void write(UserAdministration administration, UserSearch search, Writer out, AtomicLong count) {
    var csv = new UserCsv(out);
    csv.header();
    administration.export(Actor.CONSOLE, search, filters(), user -> {
      csv.user(user);
      count.incrementAndGet();
    });
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The filters as the API names them, for the audit entry. */
  private Map<String, String> filters() {
    var filters = new LinkedHashMap<String, String>();
    put(filters, "q", q);
    put(filters, "role", roles == null ? null : String.join(",", roles));
    put(filters, "is_locked", locked);
    put(filters, "email_verified", emailVerified);
    put(filters, "is_professional", professional);
    put(filters, "created_from", createdFrom);
    put(filters, "created_to", createdTo);
    put(filters, "last_login_from", lastLoginFrom);
    put(filters, "last_login_to", lastLoginTo);
    put(filters, "sort", sort);
    return filters;
  }

  private static void put(Map<String, String> filters, String name, Object value) {
    if (value != null) {
      filters.put(name, value.toString());
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Nothing more to do: the partial file's name says what it is.
    }
  }
}
