#!/usr/bin/env bash
# The import benchmark of issue 6: N generated users (default 100,000) in a CSV file, imported by the admin
# console from the packaged jar into a fresh database on the local PostgreSQL (the one .ci/run sets up), timed from
# the process start to its exit. Then the same file again (idempotent: everything skipped), and the same file with
# --on-duplicate update (nothing changes). Emails are not part of it: no --send-invitations. Run by hand.
#   BENCH_ROWS=100000 bash bench/import-users.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${BENCH_ROWS:-100000}
database=ums_bench_import
export PGPASSWORD=${SPRING_DATASOURCE_PASSWORD:-ums}
pg_user=${SPRING_DATASOURCE_USERNAME:-ums}
[ -f target/ums.jar ] || ./mvnw -q -B -DskipTests package
psql -q -h localhost -U "$pg_user" -d postgres -c "drop database if exists $database with (force)" \
  -c "create database $database"
export SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/$database
export SPRING_DATASOURCE_USERNAME=$pg_user SPRING_DATASOURCE_PASSWORD=$PGPASSWORD

file=target/bench-import-$rows.csv
awk -v rows="$rows" 'BEGIN {
  srand(42);
  split("Ada Grace Alan Barbara Donald Edsger Frances Katherine Linus Margaret", first, " ");
  split("Lovelace Hopper Turing Liskov Knuth Dijkstra Allen Johnson Torvalds Hamilton", last, " ");
  split("ANONYMOUS AUTHENTICATED AUTHENTICATED AUTHENTICATED MANAGER", roles, " ");
  print "email,nickname,first_name,last_name,bio,role,linkedin_profile_url,github_profile_url";
  for (i = 1; i <= rows; i++) {
    f = first[int(rand() * 10) + 1]; l = last[int(rand() * 10) + 1];
    nick = (i % 2 == 0) ? "bench_" i : "";
    printf "bench.user%d@example.com,%s,%s,%s,\"Writes code, reviews it; user %d\",%s,,https://github.com/bench%d\r\n",
      i, nick, f, l, i, roles[int(rand() * 5) + 1], i;
  }
}' > "$file"
echo "$rows rows, $(du -h "$file" | cut -f1) in $file"

measure() {
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o target/bench-import-rss.txt java -Xmx512m -jar target/ums.jar admin import-users "$file" "$@" \
    2>target/bench-import-progress.txt | tail -1
  end=$(date +%s.%N)
  printf '%s: %.1f s, peak RSS %d MB\n' "$label" "$(echo "$end - $start" | bc)" \
    "$(( $(tail -1 target/bench-import-rss.txt) / 1024 ))"
}
measure "first import (creates every row)"
measure "same file again (skips every row)"
measure "same file, --on-duplicate update (changes nothing)" --on-duplicate update
psql -q -h localhost -U "$pg_user" -d "$database" -tAc \
  "select count(*) || ' users, ' || (select count(*) from audit_events where action = 'user_created') || ' user_created audit entries' from users"
