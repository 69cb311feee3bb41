package org.ums.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.ums.localization.Languages;

/**
 * Opens accounts in bulk from rows an operator supplies (the console's CSV import), validated as the API
 * validates, a batch per transaction. Imported accounts have no password and an unverified email: their owners
 * set a password through the link of an invitation (when asked for) or of a password reset, which also verifies
 * the address. Creations are written with batched statements, which is what makes 100,000 rows take seconds; each
 * is recorded in the audit log ({@link UsersImported}). An email that has an account already is skipped, updated
 * or refused, as the operator chooses, so that importing the same file again changes nothing.
 */
@Service
public class UserImport {

  static final String IMPORT_REASON = "Imported from a file at the admin console";

  private final AccountValidation validation;
  private final AccountStore store;
  private final NicknameGenerator nicknames;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;

  UserImport(AccountValidation validation, AccountStore store, NicknameGenerator nicknames, JdbcTemplate jdbc,
      TransactionTemplate transaction, ApplicationEventPublisher events) {
    this.validation = validation;
    this.store = store;
    this.nicknames = nicknames;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.events = events;
  }

  /** What to do with a row whose email has an account already. */
  public enum OnDuplicate { SKIP, UPDATE, FAIL }

  /** One account to import; null fields are absent. {@code line} places it in the operator's file. */
  public record Row(long line, String email, String nickname, String firstName, String lastName, String bio,
      String role, String linkedinProfileUrl, String githubProfileUrl, String location, String preferredLanguage,
      String timeZone) {
  }

  /** What became of a row. */
  public enum Result { CREATED, UPDATED, UNCHANGED, DUPLICATE_SKIPPED, DUPLICATE_REFUSED, REJECTED }

  /**
   * @param violations the broken rules of a {@code REJECTED} row, field by field (may be empty)
   * @param messageKey the sentence for a row rejected by a rule that concerns no single field
   */
  public record Outcome(long line, String email, Result result, List<FieldViolation> violations,
      String messageKey) {

    static Outcome of(Row row, Result result) {
      return new Outcome(row.line(), row.email(), result, List.of(), null);
    }

    static Outcome rejected(Row row, String messageKey) {
      return new Outcome(row.line(), row.email(), Result.REJECTED, List.of(), messageKey);
    }
  }

  /** The rules a row breaks, as the API would report them for the same fields; empty when it is valid. */
  public List<FieldViolation> check(Row row) {
    var violations = new ArrayList<FieldViolation>(validation.checkImport(row));
    if (row.role() != null && role(row).isEmpty()) {
      violations.add(new FieldViolation("role", "validation.unknown-role", "Role"));
    }
    return violations;
  }

  /**
   * Imports rows that passed {@link #check}: new emails become accounts in one transaction; existing ones are
   * handled as {@code onDuplicate} says, each update in a transaction of its own (under the role rules, so the
   * last administrator keeps the role). With {@code dryRun} everything is decided and nothing is kept.
   *
   * @param invite whether each new account is sent an invitation to set its password
   */
  public List<Outcome> importBatch(List<Row> rows, OnDuplicate onDuplicate, boolean invite, boolean dryRun) {
    var outcomes = new HashMap<Row, Outcome>();
    var updates = new ArrayList<Map.Entry<Row, UUID>>();
    try {
      create(rows, onDuplicate, invite, dryRun, outcomes, updates);
    } catch (DataIntegrityViolationException e) {
      // Someone registered one of these emails or nicknames meanwhile; nothing of the batch was kept: decide
      // again, seeing them.
      outcomes.clear();
      updates.clear();
      create(rows, onDuplicate, invite, dryRun, outcomes, updates);
    }
    for (var update : updates) {
      outcomes.put(update.getKey(), update(update.getKey(), UserId.of(update.getValue()), dryRun));
    }
    return rows.stream().map(outcomes::get).toList();
  }

  /** Opens the accounts of the new emails in one transaction, and sorts out the rows of existing ones. */
  private void create(List<Row> rows, OnDuplicate onDuplicate, boolean invite, boolean dryRun,
      Map<Row, Outcome> outcomes, List<Map.Entry<Row, UUID>> updates) {
    transaction.executeWithoutResult(status -> {
      Instant now = store.clock().instant();
      Map<String, Existing> existing = existingEmails(rows);
      Set<String> takenNicknames = takenNicknames(rows.stream().map(Row::nickname).toList());
      var creations = new ArrayList<Creation>();
      var claimed = new HashSet<String>();
      for (Row row : rows) {
        Existing found = existing.get(key(row.email()));
        if (found != null) {
          switch (onDuplicate) {
            case SKIP -> outcomes.put(row, Outcome.of(row, Result.DUPLICATE_SKIPPED));
            case FAIL -> outcomes.put(row, Outcome.of(row, Result.DUPLICATE_REFUSED));
            case UPDATE -> {
              if (found.alreadyAs(row)) {
                // Nothing to change: no lock, no transaction of its own, which keeps a re-run fast.
                outcomes.put(row, Outcome.of(row, Result.UNCHANGED));
              } else {
                updates.add(Map.entry(row, found.id()));
              }
            }
            default -> throw new IllegalStateException("Unhandled " + onDuplicate);
          }
        } else if (row.nickname() != null && (takenNicknames.contains(key(row.nickname()))
            || !claimed.add(key(row.nickname())))) {
          outcomes.put(row, Outcome.rejected(row, "account.nickname-taken"));
        } else {
          creations.add(new Creation(row, UserId.random(), row.nickname()));
        }
      }
      assignNicknames(creations, claimed);
      if (!creations.isEmpty()) {
        insert(creations, now);
        var ids = creations.stream().map(Creation::id).toList();
        events.publishEvent(new UsersImported(ids, now));
        if (invite) {
          ids.forEach(id -> events.publishEvent(new InvitationRequested(id, now)));
        }
        creations.forEach(creation -> outcomes.put(creation.row(), Outcome.of(creation.row(), Result.CREATED)));
      }
      if (dryRun) {
        status.setRollbackOnly();
      }
    });
  }

  private Outcome update(Row row, UserId id, boolean dryRun) {
    try {
      return transaction.execute(status -> {
        Role role = role(row).orElse(null);
        if (role != null) {
          store.lockAdministrators();
        }
        User user = store.loadForUpdate(id);
        Instant now = store.clock().instant();
        if (row.nickname() != null && !row.nickname().equalsIgnoreCase(user.nickname())) {
          store.requireNicknameFree(row.nickname());
        }
        List<String> changed = user.applyImport(row, now);
        boolean roleChanges = role != null && role != user.role();
        if (roleChanges) {
          AccountRules.requireMayGrant(Actor.CONSOLE, role);
          store.requireAnotherAdministrator(user);
          user.changeRole(role, UserId.CONSOLE, IMPORT_REASON, now);
        }
        user.recordEdit(changed, now);
        store.save(user);
        if (dryRun) {
          status.setRollbackOnly();
        }
        return Outcome.of(row, changed.isEmpty() && !roleChanges ? Result.UNCHANGED : Result.UPDATED);
      });
    } catch (AccountException e) {
      return Outcome.rejected(row, e.messageKey());
    } catch (DataIntegrityViolationException e) {
      // The nickname was taken between the check and the write.
      return Outcome.rejected(row, "account.nickname-taken");
    }
  }

  private record Creation(Row row, UserId id, String nickname) {
    Creation withNickname(String given) {
      return new Creation(row, id, given);
    }
  }

  /** Gives every creation without a nickname a generated one that nobody has, in the database or the batch. */
  private void assignNicknames(List<Creation> creations, Set<String> claimed) {
    for (int round = 0; round < 10; round++) {
      var candidates = new HashMap<Integer, String>();
      for (int i = 0; i < creations.size(); i++) {
        if (creations.get(i).nickname() == null) {
          String candidate = nicknames.next();
          if (claimed.add(key(candidate))) {
            candidates.put(i, candidate);
          }
        }
      }
      if (candidates.isEmpty() && creations.stream().allMatch(c -> c.nickname() != null)) {
        return;
      }
      Set<String> taken = takenNicknames(List.copyOf(candidates.values()));
      candidates.forEach((index, candidate) -> {
        if (!taken.contains(key(candidate))) {
          creations.set(index, creations.get(index).withNickname(candidate));
        }
      });
    }
    for (int i = 0; i < creations.size(); i++) {
      if (creations.get(i).nickname() == null) {
        creations.set(i, creations.get(i).withNickname(nicknames.next() + "_" + UUID.randomUUID().toString()
            .substring(0, 8)));
      }
    }
  }

  private void insert(List<Creation> creations, Instant now) {
    Timestamp at = Timestamp.from(now);
    jdbc.batchUpdate("""
        insert into users (id, email, nickname, hashed_password, first_name, last_name, bio, linkedin_profile_url,
                           github_profile_url, location, preferred_language, time_zone, role, is_professional,
                           email_verified, is_locked, failed_login_attempts, show_email, created_at, updated_at,
                           version)
        values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, false, 0, false, ?, ?, 0)""",
        creations, 1000, (statement, creation) -> {
          Row row = creation.row();
          statement.setObject(1, creation.id().value());
          statement.setString(2, AccountValidation.normalizeEmail(row.email()));
          statement.setString(3, creation.nickname());
          statement.setString(4, row.firstName());
          statement.setString(5, row.lastName());
          statement.setString(6, row.bio());
          statement.setString(7, row.linkedinProfileUrl());
          statement.setString(8, row.githubProfileUrl());
          statement.setString(9, row.location());
          statement.setString(10, Languages.byTag(row.preferredLanguage()).map(Locale::toLanguageTag).orElse(null));
          statement.setString(11, row.timeZone());
          statement.setString(12, role(row).orElse(Role.ANONYMOUS).name());
          statement.setTimestamp(13, at);
          statement.setTimestamp(14, at);
        });
  }

  private Map<String, Existing> existingEmails(List<Row> rows) {
    String[] emails = rows.stream().map(row -> AccountValidation.normalizeEmail(row.email())).toArray(String[]::new);
    var found = new HashMap<String, Existing>();
    jdbc.query("""
        select id, email::text as email, nickname::text as nickname, first_name, last_name, bio, role,
               linkedin_profile_url, github_profile_url, location, preferred_language, time_zone
        from users where email = any(cast(? as citext[]))""",
        result -> {
          found.put(key(result.getString("email")), new Existing(result.getObject("id", UUID.class),
              result.getString("nickname"), result.getString("first_name"), result.getString("last_name"),
              result.getString("bio"), result.getString("role"), result.getString("linkedin_profile_url"),
              result.getString("github_profile_url"), result.getString("location"),
              result.getString("preferred_language"), result.getString("time_zone")));
        }, (Object) emails);
    return found;
  }

  /** An account that has a row's email, as far as an import row can change it. */
  private record Existing(UUID id, String nickname, String firstName, String lastName, String bio, String role,
      String linkedinProfileUrl, String githubProfileUrl, String location, String preferredLanguage,
      String timeZone) {

    /** Whether every field the row gives has that value already. */
    boolean alreadyAs(Row row) {
      return (row.nickname() == null || row.nickname().equalsIgnoreCase(nickname))
          && same(row.firstName(), firstName) && same(row.lastName(), lastName) && same(row.bio(), bio)
          && (row.role() == null || UserImport.role(row).map(Role::name).orElse("").equals(role))
          && same(row.linkedinProfileUrl(), linkedinProfileUrl) && same(row.githubProfileUrl(), githubProfileUrl)
          && same(row.location(), location) && same(row.timeZone(), timeZone)
          && (row.preferredLanguage() == null || Languages.byTag(row.preferredLanguage())
              .map(Locale::toLanguageTag).orElse("").equals(preferredLanguage));
    }

    private static boolean same(String given, String current) {
      return given == null || given.equals(current);
    }
  }

  private Set<String> takenNicknames(List<String> wanted) {
    String[] names = wanted.stream().filter(java.util.Objects::nonNull).toArray(String[]::new);
    var taken = new HashSet<String>();
    if (names.length == 0) {
      return taken;
    }
    jdbc.query("select nickname from users where nickname = any(cast(? as citext[]))",
        result -> {
          taken.add(key(result.getString("nickname")));
        }, (Object) names);
    return taken;
  }

  private static java.util.Optional<Role> role(Row row) {
    if (row.role() == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Role.valueOf(row.role().strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** How emails and nicknames compare: as citext does, without regard to case. */
  static String key(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
