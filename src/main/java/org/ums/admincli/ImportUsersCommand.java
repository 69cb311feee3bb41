package org.ums.admincli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ums.account.FieldViolation;
import org.ums.account.UserImport;
import org.ums.account.UserImport.OnDuplicate;
import org.ums.account.UserImport.Outcome;
import org.ums.account.UserImport.Result;
import org.ums.account.UserImport.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import-users FILE.csv}: opens an account for each valid row, in batches, and reports every row it
 * refused with its line number and why. A header row names the columns, in any order; only {@code email} is
 * required. Columns that the export writes and an import cannot set (ids, dates, states) are ignored, so an
 * export can be imported elsewhere; any other column refuses the file, since a misspelt one would otherwise be
 * dropped without a word.
 */
@Command(name = "import-users", mixinStandardHelpOptions = true)
final class ImportUsersCommand implements Callable<Integer> {

  static final List<String> COLUMNS = List.of("email", "nickname", "first_name", "last_name", "bio", "role",
      "linkedin_profile_url", "github_profile_url", "location", "preferred_language", "time_zone");
  static final Set<String> IGNORED = Set.of("id", "email_verified", "is_locked", "is_professional", "created_at",
      "last_login_at");
  private static final int MAX_RECORD_BYTES = 16 * 1024;
  private static final int MAX_REPORTED = 1000;
  private static final String FORMULA_START = "=+-@\t\r";

  private final ConsoleRuntime runtime;

  @Parameters(index = "0", paramLabel = "FILE.csv", descriptionKey = "console.option.import-file")
  Path file;

  @Option(names = "--dry-run", descriptionKey = "console.option.dry-run")
  boolean dryRun;

  @Option(names = "--on-duplicate", paramLabel = "skip|update|fail", defaultValue = "skip",
      descriptionKey = "console.option.on-duplicate")
  OnDuplicate onDuplicate;

  @Option(names = "--send-invitations", descriptionKey = "console.option.send-invitations")
  boolean sendInvitations;

  @Option(names = "--batch-size", defaultValue = "1000", hidden = true)
  int batchSize;

  private final Map<Result, Long> tally = new EnumMap<>(Result.class);
  private long reported;
  private long rejectedUnreported;

  ImportUsersCommand(ConsoleRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public Integer call() {
    return runtime.perform(() -> {
      long size;
      InputStream in;
      try {
        size = Files.size(file);
        in = Files.newInputStream(file);
      } catch (NoSuchFileException e) {
        throw new ConsoleRuntime.ConsoleFailure("console.import.no-file", file);
      } catch (IOException e) {
        throw new ConsoleRuntime.ConsoleFailure("console.import.cannot-read", file, ConsoleRuntime.rootMessage(e));
      }
      try (var records = new CsvRecords(in, MAX_RECORD_BYTES)) {
        return importAll(records, size);
      } catch (IOException e) {
        throw new ConsoleRuntime.ConsoleFailure("console.import.cannot-read", file, ConsoleRuntime.rootMessage(e));
      }
    });
  }

  private int importAll(CsvRecords records, long size) throws IOException {
    CsvRecords.CsvRecord header = records.next();
    if (header == null) {
      throw new ConsoleRuntime.ConsoleFailure("console.import.empty", file);
    }
    if (!header.readable()) {
      throw new ConsoleRuntime.ConsoleFailure("console.import.bad-header", runtime.messages().get(header.problemKey()));
    }
    Map<String, Integer> columns = columns(header.fields());
    UserImport importer = runtime.bean(UserImport.class);
    var progress = new Progress(runtime, size);
    var emails = new HashMap<String, Long>();
    var nicknames = new HashMap<String, Long>();
    var batch = new ArrayList<Row>(batchSize);
    long rows = 0;
    for (CsvRecords.CsvRecord record = records.next(); record != null; record = records.next()) {
      rows++;
      Row row = readable(importer, record, header.fields().size(), columns);
      if (row != null) {
        String email = row.email().strip().toLowerCase(Locale.ROOT);
        Long firstEmail = emails.putIfAbsent(email, row.line());
        // A row refused for its email does not claim its nickname.
        Long firstNickname = firstEmail != null || row.nickname() == null ? null
            : nicknames.putIfAbsent(row.nickname().toLowerCase(Locale.ROOT), row.line());
        if (firstEmail != null) {
          reject(row.line(), runtime.messages().get("console.import.email-repeated", firstEmail));
        } else if (firstNickname != null) {
          reject(row.line(), runtime.messages().get("console.import.nickname-repeated", firstNickname));
        } else {
          batch.add(row);
        }
      }
      if (batch.size() >= batchSize) {
        settle(importer.importBatch(List.copyOf(batch), onDuplicate, sendInvitations, dryRun));
        batch.clear();
      }
      progress.show(rows, records.bytesRead());
    }
    if (!batch.isEmpty()) {
      settle(importer.importBatch(List.copyOf(batch), onDuplicate, sendInvitations, dryRun));
    }
    progress.done(rows);
    return summarize(rows);
  }

  /** Maps each known column to its index; refuses a header without email or with unknown or repeated names. */
  private Map<String, Integer> columns(List<String> names) {
    var columns = new LinkedHashMap<String, Integer>();
    var unknown = new ArrayList<String>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip().toLowerCase(Locale.ROOT);
      if (columns.containsKey(name)) {
        throw new ConsoleRuntime.ConsoleFailure("console.import.repeated-column", name);
      }
      if (COLUMNS.contains(name)) {
        columns.put(name, i);
      } else if (!IGNORED.contains(name)) {
        unknown.add(name.isEmpty() ? "\"\"" : name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConsoleRuntime.ConsoleFailure("console.import.unknown-columns", String.join(", ", unknown),
          String.join(", ", COLUMNS));
    }
    if (!columns.containsKey("email")) {
      throw new ConsoleRuntime.ConsoleFailure("console.import.no-email-column");
    }
    return columns;
  }

  /** The record as a row when it can be read and breaks no rule; otherwise reports it and returns null. */
  private Row readable(UserImport importer, CsvRecords.CsvRecord record, int width, Map<String, Integer> columns) {
    if (!record.readable()) {
      reject(record.line(), runtime.messages().get(record.problemKey()));
      return null;
    }
    List<String> cells = record.fields();
    if (cells.size() != width) {
      reject(record.line(), runtime.messages().get("console.import.cell-count", cells.size(), width));
      return null;
    }
    var values = new HashMap<String, String>();
    for (var column : columns.entrySet()) {
      String value = cells.get(column.getValue());
      String stripped = value.strip();
      // Judged after stripping, as the value is stored: a leading space does not hide a formula.
      if (!stripped.isEmpty() && FORMULA_START.indexOf(stripped.charAt(0)) >= 0
          || !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0) {
        reject(record.line(), runtime.messages().get("console.field-error", column.getKey(),
            runtime.messages().get("console.import.formula")));
        return null;
      }
      values.put(column.getKey(), stripped.isEmpty() ? null : stripped);
    }
    var row = new Row(record.line(), values.get("email") == null ? "" : values.get("email"), values.get("nickname"),
        values.get("first_name"), values.get("last_name"), values.get("bio"), values.get("role"),
        values.get("linkedin_profile_url"), values.get("github_profile_url"), values.get("location"),
        values.get("preferred_language"), values.get("time_zone"));
    List<FieldViolation> violations = importer.check(row);
    if (!violations.isEmpty()) {
      reject(row.line(), String.join("; ", violations.stream().map(this::sentence).toList()));
      return null;
    }
    return row;
  }

  private String sentence(FieldViolation violation) {
    return runtime.messages().get("console.field-error", violation.field(),
        runtime.messages().get(violation.messageKey(), violation.arguments().toArray()));
  }

  private void settle(List<Outcome> outcomes) {
    for (Outcome outcome : outcomes) {
      switch (outcome.result()) {
        case REJECTED -> report(runtime.messages().get("console.import.rejected", outcome.line(),
            outcome.messageKey() != null ? runtime.messages().get(outcome.messageKey())
                : String.join("; ", outcome.violations().stream().map(this::sentence).toList())));
        case DUPLICATE_REFUSED -> report(runtime.messages().get("console.import.duplicate-refused", outcome.line(),
            outcome.email()));
        case DUPLICATE_SKIPPED -> report(runtime.messages().get("console.import.duplicate-skipped", outcome.line(),
            outcome.email()));
        default -> {
        }
      }
      tally.merge(outcome.result(), 1L, Long::sum);
    }
  }

  private void reject(long line, String why) {
    tally.merge(Result.REJECTED, 1L, Long::sum);
    report(runtime.messages().get("console.import.rejected", line, why));
  }

  /** One line of the report; past {@link #MAX_REPORTED} lines only counted, so that a wrong file stays readable. */
  private void report(String sentence) {
    if (reported < MAX_REPORTED) {
      reported++;
      runtime.out().println(sentence);
    } else {
      rejectedUnreported++;
    }
  }

  private int summarize(long rows) {
    runtime.out().flush();
    if (rejectedUnreported > 0) {
      runtime.say("console.import.more-not-shown", rejectedUnreported);
    }
    runtime.say(dryRun ? "console.import.summary-dry-run" : "console.import.summary", rows, count(Result.CREATED),
        count(Result.UPDATED), count(Result.UNCHANGED), count(Result.DUPLICATE_SKIPPED),
        count(Result.REJECTED) + count(Result.DUPLICATE_REFUSED));
    if (sendInvitations && !dryRun && count(Result.CREATED) > 0) {
      runtime.say("console.import.invitations", count(Result.CREATED));
    }
    return count(Result.REJECTED) + count(Result.DUPLICATE_REFUSED) > 0 ? ConsoleRuntime.ExitCode.FAILED
        : ConsoleRuntime.ExitCode.OK;
  }

  private long count(Result result) {
    return tally.getOrDefault(result, 0L);
  }

  /** A bar at a terminal; a plain line every tenth of the file otherwise. */
  private static final class Progress {
    private final ConsoleRuntime runtime;
    private final long size;
    private int lastShown = -1;
    private long lastRows = -1;

    Progress(ConsoleRuntime runtime, long size) {
      this.runtime = runtime;
      this.size = Math.max(size, 1);
    }

    void show(long rows, long bytes) {
      int percent = (int) Math.min(100, bytes * 100 / size);
      if (runtime.terminal()) {
        if (percent != lastShown) {
          lastShown = percent;
          int filled = percent * 30 / 100;
          runtime.err().print("\r[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + percent + "% "
              + runtime.messages().get("console.import.progress", rows));
          runtime.err().flush();
        }
      } else if (percent / 10 != lastShown / 10 || lastShown < 0) {
        lastShown = percent;
        lastRows = rows;
        runtime.err().println(percent + "% " + runtime.messages().get("console.import.progress", rows));
        runtime.err().flush();
      }
    }

    void done(long rows) {
      if (runtime.terminal()) {
        runtime.err().println("\r[" + "#".repeat(30) + "] 100% "
            + runtime.messages().get("console.import.progress", rows));
      } else if (rows != lastRows) {
        runtime.err().println("100% " + runtime.messages().get("console.import.progress", rows));
      }
      runtime.err().flush();
    }
  }
}
