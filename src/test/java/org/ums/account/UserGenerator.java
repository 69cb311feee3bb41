package org.ums.account;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;

/**
 * Loads N realistic users straight into the {@code users} table, for the directory benchmarks (issue 5): names
 * from several languages (accents included), emails and nicknames derived from them and unique, roles weighted
 * like a real user base, sign-ups spread over five years, logins for most, a few locked or professional.
 * PostgreSQL generates the rows itself ({@code INSERT ... SELECT} over {@code generate_series}), in batches of
 * 100,000, so nothing crosses the wire but the statements. Run by {@code bench/generate-users.sh}; not a test. The apostrophe of O'Brien is dropped from addresses.
 *
 * <p>Arguments: JDBC URL, user, password, count, and the first sequence number (to add users to a loaded table).
 */
public final class UserGenerator {

  private static final int BATCH = 100_000;

  /** Not a real hash: generated users cannot log in, and hashing a million passwords would take hours. */
  private static final String NO_PASSWORD = "$argon2id$v=19$m=19456,t=2,p=1$generated$not-a-real-hash";

  private static final String INSERT = """
      with names as (
        select array['Ada','José','Zoë','Björn','François','Mei','Wei','Ana','Léa','Jürgen','Émile','Chloé',
                     'Noah','Olivia','Liam','Emma','Mateo','Sofía','Lukas','Hannah','Yuki','Aarav','Fatima',
                     'Omar','Ingrid','Søren','Łukasz','Núria','Renée','Ilse','İlker','Zhang','Priya','Anaïs',
                     'Kwame','Amara','Diego','Camille','Théo','Nikolai'] as first_names,
               array['Lovelace','García','Müller','Søndergaard','Dubois','Li','Wang','Silva','Martin','Schröder',
                     'Zola','Hernández','Smith','Johnson','Brown','Rossi','Nguyen','Kowalski','Öztürk','Novák',
                     'Janssen','Andersson','Tanaka','Kim','Okafor','Mensah','Fernández','Lefèvre','Bernard',
                     'Moreau','Petrov','Ivanova','Costa','Cohen','Haddad','Singh','Patel','Murphy','O''Brien',
                     'Dvořák'] as last_names
      ), rows as (
        select n,
               (select first_names[1 + (hashint4(n::int) & 2147483647) % 40] from names) as first_name,
               (select last_names[1 + (hashint4(n::int + 7919) & 2147483647) % 40] from names) as last_name,
               (hashint4(n::int + 104729) & 2147483647) % 1000 as dice
        from generate_series(?::bigint, ?::bigint) as n
      )
      insert into users (id, email, nickname, hashed_password, first_name, last_name, role, is_professional,
                         email_verified, is_locked, last_login_at, created_at, updated_at, preferred_language,
                         time_zone)
      select gen_random_uuid(),
             lower(translate(first_name || '.' || last_name, 'éèëêáàãäâíìïóòöôúùüñçøåłšžőřÿÉŁİÖØ''',
                             'eeeeaaaaaiiioooouuuncoalszoryelioo')) || '.' || n || '@example.com',
             lower(translate(first_name, 'éèëêáàãäâíìïóòöôúùüñçøåłšžőřÿÉŁİÖØ''',
                             'eeeeaaaaaiiioooouuuncoalszoryelioo')) || '_' || n,
             ?,
             case when dice < 950 then first_name end,
             case when dice < 900 then last_name end,
             case when dice < 2 then 'ADMIN' when dice < 20 then 'MANAGER' when dice < 120 then 'ANONYMOUS'
                  else 'AUTHENTICATED' end,
             dice between 500 and 560,
             dice >= 100,
             dice between 990 and 995,
             case when dice < 850 then timestamptz '2021-01-01' + ((n * 7919) % 157680000) * interval '1 second'
                       + interval '30 days' end,
             timestamptz '2021-01-01' + ((n * 7919) % 157680000) * interval '1 second',
             timestamptz '2021-01-01' + ((n * 7919) % 157680000) * interval '1 second',
             (array['en','es','fr','de','zh-CN', null])[1 + dice % 6],
             (array['UTC','Europe/Madrid','America/New_York','Asia/Shanghai', null])[1 + dice % 5]
      from rows""";

  private UserGenerator() {
  }

  public static void main(String[] args) throws SQLException {
    load(args[0], args[1], args[2], Long.parseLong(args[3]), args.length > 4 ? Long.parseLong(args[4]) : 1);
  }

  /**
   * Inserts {@code count} users numbered from {@code first}, one batch per core at a time (computing the search
   * columns of each row is the costly part), then analyzes the table.
   */
  public static void load(String url, String user, String password, long count, long first) throws SQLException {
    long started = System.nanoTime();
    var next = new java.util.concurrent.atomic.AtomicLong(first);
    var loaded = new java.util.concurrent.atomic.AtomicLong();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    var work = new ArrayList<java.util.concurrent.Future<?>>();
    for (int t = 0; t < threads; t++) {
      work.add(pool.submit(() -> {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
          try (Statement statement = connection.createStatement()) {
            statement.execute("set synchronous_commit = off");
          }
          try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (long from = next.getAndAdd(BATCH); from < first + count; from = next.getAndAdd(BATCH)) {
              long to = Math.min(first + count, from + BATCH) - 1;
              insert.setLong(1, from);
              insert.setLong(2, to);
              insert.setString(3, NO_PASSWORD);
              insert.executeUpdate();
              System.out.printf("== %,d users loaded, %.1f s%n", loaded.addAndGet(to - from + 1),
                  (System.nanoTime() - started) / 1e9);
            }
          }
        }
        return null;
      }));
    }
    try {
      for (var done : work) {
        done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Loading users failed", e.getCause());
    } finally {
      pool.shutdown();
    }
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("analyze users");
    }
    System.out.printf("== %,d users in %.1f s (with analyze)%n", count, (System.nanoTime() - started) / 1e9);
  }
}
